/**
 * The real-time side of a chat: one Jakarta WebSocket client connection per chat session to the agent chat
 * endpoint, with the credential in the handshake, keep-alive, and reconnect with resume. The WebSocket container,
 * a scheduler and two small worker pools are shared by every session of the application; no session owns a thread.
 * Applications use it through {@link cx.wonderful.microprofile.chat.WonderfulChat}, whose sessions report its
 * {@link cx.wonderful.microprofile.chat.ConnectionState}.
 */
package cx.wonderful.microprofile.internal.realtime;
