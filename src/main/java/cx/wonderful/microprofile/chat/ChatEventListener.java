package cx.wonderful.microprofile.chat;

/**
 * Receives a session's events in order, one at a time, on the library's event threads. It should return quickly;
 * an exception it throws is logged and does not keep the event from the session's other listeners.
 */
@FunctionalInterface
public interface ChatEventListener {

    /**
     * Receives one event of the session.
     *
     * @param event the event, never {@code null}
     */
    void onEvent(ChatEvent event);
}
