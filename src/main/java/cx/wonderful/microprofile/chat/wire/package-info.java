/**
 * The Chat V3 wire level: the MicroProfile Rest Client interface and its JSON bodies, snake_case as on the wire.
 * Public only because the runtime's proxies and JSON-B need public types; use
 * {@link cx.wonderful.microprofile.chat.WonderfulChat} instead.
 */
package cx.wonderful.microprofile.chat.wire;
