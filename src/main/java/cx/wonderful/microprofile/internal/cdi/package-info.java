/**
 * The thin CDI layer over the core: one package-private bean produces {@code WonderfulAuth}, {@code WonderfulChat}
 * and {@code WonderfulCommunications} (and the named clients') and closes the core when the application stops; the
 * readiness check bean and the CDI event sink of chat events.
 */
package cx.wonderful.microprofile.internal.cdi;
