package cx.wonderful.microprofile.realtime;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Logger;

/**
 * Closes a socket's connections: {@link #closeNow} on the calling thread, {@link #closeAsync} on the I/O scope, and
 * {@link #goAway} with 1001 (going away) when the application stops. A close that fails is only logged: the
 * connection is being given up on either way. Thread-safe.
 */
final class SocketCloser {

    static final String GOING_AWAY_REASON = "the application is stopping";
    private static final Logger LOG = Logger.getLogger(ChatSocket.class.getName());

    private final String label;
    private final TaskScope io;

    /**
     * @param label names the socket in log lines
     * @param io where {@link #closeAsync} closes
     */
    SocketCloser(String label, TaskScope io) {
        this.label = Objects.requireNonNull(label, "label");
        this.io = Objects.requireNonNull(io, "io");
    }

    /** Closes {@code toClose} (nothing when null) on the I/O scope, or on the calling thread once that is closed. */
    void closeAsync(Session toClose, CloseReason.CloseCode code, String reason) {
        if (toClose == null) {
            return;
        }
        try {
            io.execute(() -> closeNow(toClose, code, reason));
        } catch (RejectedExecutionException e) {
            closeNow(toClose, code, reason);
        }
    }

    /** Closes {@code toClose} with 1001 on the calling thread (nothing when null). */
    void goAway(Session toClose) {
        closeNow(toClose, CloseReason.CloseCodes.GOING_AWAY, GOING_AWAY_REASON);
    }

    /** Closes {@code toClose} (nothing when null or no longer open) on the calling thread; may block. */
    void closeNow(Session toClose, CloseReason.CloseCode code, String reason) {
        if (toClose == null) {
            return;
        }
        try {
            if (toClose.isOpen()) {
                toClose.close(new CloseReason(code, reason));
            }
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> label + ": closing the socket failed: " + ChatSocket.describe(e));
        }
    }
}
