package cx.wonderful.simulator.chat;

/** A WebSocket attached to a session. Called with the session's lock held, so events arrive in order. */
public interface SessionListener {

    /** A new event of the session (the last one of an ended session is {@link ChatEvent.Kind#ENDED}). */
    void onEvent(ChatEvent event);

    /** The admin API drops the connection with this close code (1006: abort without a close frame). */
    void drop(int code, String reason);
}
