/**
 * The real-time side of a chat: one Jakarta WebSocket client connection per chat session to the agent chat
 * endpoint, with the credential in the handshake, keep-alive, and reconnect with resume. The WebSocket container,
 * a scheduler and two small worker pools are shared by every session of the application; no session owns a thread.
 * Applications use it through {@link cx.wonderful.microprofile.chat.WonderfulChat}; {@link ConnectionState} is the
 * only type here that is part of the chat API.
 */
package cx.wonderful.microprofile.internal.realtime;
