package cx.wonderful.microprofile.chat;

/** Whether a chat session still takes messages. */
public enum ChatStatus {
    /** DOC {@code in-progress}: the session takes messages. */
    IN_PROGRESS,
    /** The session has ended (by the user, the agent or the system); it takes no more messages. */
    ENDED
}
