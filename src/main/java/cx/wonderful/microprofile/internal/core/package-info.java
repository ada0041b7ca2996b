/**
 * The framework-free core: {@link cx.wonderful.microprofile.internal.core.ConfiguredClient} wires one client
 * configuration with constructors (settings, rest clients, invoker, credentials, the three facades) on the
 * {@link cx.wonderful.microprofile.internal.core.SharedRuntime} of its application. The CDI layer and
 * {@code WonderfulSdk} both build it; tests build it directly.
 */
package cx.wonderful.microprofile.internal.core;
