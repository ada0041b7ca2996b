/**
 * The implementation: not exported by the module, not part of the library's API, free to change between versions.
 * This package holds what every capability shares (settings and their table, the invoker with its retry and
 * re-authentication policies, the rest clients, credentials, the wire's names and value readers, log messages);
 * {@code core} wires one client configuration by hand, {@code cdi} is the thin CDI layer over it, and
 * {@code auth}, {@code chat}, {@code communications}, {@code realtime}, {@code health} and {@code telemetry} implement
 * the capabilities.
 */
package cx.wonderful.microprofile.internal;
