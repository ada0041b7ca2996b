package cx.wonderful.simulator.chat;

/** A text, end or metadata update sent to a chat that already ended. */
public class SessionEndedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SessionEndedException(String sessionId) {
        super("session " + sessionId + " has ended");
    }
}
