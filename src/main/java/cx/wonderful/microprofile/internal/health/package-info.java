/**
 * A MicroProfile Health readiness check of the Wonderful API, off unless {@code wonderful.health.enabled=true}:
 * see {@link cx.wonderful.microprofile.internal.health.WonderfulReadinessCheck}.
 */
package cx.wonderful.microprofile.internal.health;
