/**
 * Chat with a Wonderful agent: {@link cx.wonderful.microprofile.chat.WonderfulChat} starts and recovers
 * {@link cx.wonderful.microprofile.chat.ChatSession}s, whose {@link cx.wonderful.microprofile.chat.ChatEvent}s
 * arrive in real time over a WebSocket and are also fired as CDI events
 * ({@link cx.wonderful.microprofile.chat.ChatSessionEvent}).
 */
package cx.wonderful.microprofile.chat;
