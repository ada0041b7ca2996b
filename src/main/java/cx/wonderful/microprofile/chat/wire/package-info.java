/**
 * The Chat V3 wire level: the MicroProfile Rest Client interface and its JSON-B records, snake_case as on the wire,
 * for an application that needs the raw endpoints; {@link cx.wonderful.microprofile.chat.WonderfulChat} is the
 * supported way to chat (validation, credentials, retries, the real-time socket).
 */
package cx.wonderful.microprofile.chat.wire;
