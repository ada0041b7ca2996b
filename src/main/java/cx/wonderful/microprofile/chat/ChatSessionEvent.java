package cx.wonderful.microprofile.chat;

import java.util.Objects;

/**
 * A {@link ChatEvent} of session {@code sessionId}, fired as a CDI event for every session the application's
 * {@link WonderfulChat} runs: {@code void on(@Observes ChatSessionEvent e)}. Observers are called synchronously, in
 * the session's event order, on the library's event threads (no request context); an observer that throws is
 * logged and does not stop the others or the session's listeners.
 *
 * @param sessionId the id of the session the event belongs to
 * @param event the event
 */
public record ChatSessionEvent(String sessionId, ChatEvent event) {

    /**
     * The event {@code event} of session {@code sessionId}.
     *
     * @param sessionId the session's id
     * @param event the event
     * @throws NullPointerException when {@code sessionId} or {@code event} is {@code null}
     */
    public ChatSessionEvent {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(event, "event");
    }
}
