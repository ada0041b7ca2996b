package cx.wonderful.demo;

/** The body of {@code POST /api/chat/messages}: the user's text. */
public record OutgoingMessage(String text) {
}
