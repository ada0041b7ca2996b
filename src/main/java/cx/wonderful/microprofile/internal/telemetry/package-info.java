/**
 * The library's traces and metrics through MicroProfile Telemetry (OpenTelemetry), optional at run time.
 *
 * <p>{@link cx.wonderful.microprofile.internal.telemetry.Telemetry} is the one facade the call paths use: around each API
 * call, around a token refresh, on a chat socket's state changes, and on the trace context of an outgoing request
 * or handshake. Everything that touches {@code io.opentelemetry} types is package-private here and is loaded only
 * when the OpenTelemetry API is visible to the application and the runtime's {@code OpenTelemetry} bean records
 * (MicroProfile Telemetry with {@code otel.sdk.disabled=false}); otherwise the facade does nothing, and a runtime
 * without telemetry never sees a linkage error. Not an application API: applications configure telemetry with
 * {@code wonderful.telemetry.enabled} and their runtime's {@code otel.*} keys (README, "Telemetry").
 */
package cx.wonderful.microprofile.internal.telemetry;
