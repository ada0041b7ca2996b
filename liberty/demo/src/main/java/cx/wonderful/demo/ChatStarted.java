package cx.wonderful.demo;

/** The body of {@code POST /api/chat}: the session id and the page's name for the connection state. */
public record ChatStarted(String sessionId, String connectionState) {
}
