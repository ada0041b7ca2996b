package cx.wonderful.simulator.chat;

/** A WebSocket attached to a session. Called with the session's lock held, so events arrive in order. */
public interface SessionListener {

    /**
     * The socket's first frame, sent when it attaches and before any replay. Attaching makes the socket one of
     * {@link ChatSession#listeners()} before this runs, so a client that has seen the greeting can have the admin API
     * drop that socket at once.
     */
    default void greet() {
    }

    /** A new event of the session (the last one of an ended session is {@link ChatEvent.Kind#ENDED}). */
    void onEvent(ChatEvent event);

    /** The admin API drops the connection with this close code (1006: abort without a close frame). */
    void drop(int code, String reason);
}
