package cx.wonderful.demo;

/** One of the signed-in user's past chats, as {@code GET /api/chats} lists them (JSON-B: the component names). */
public record PastChat(String id, String status, String startTime, String summary) {
}
