package cx.wonderful.microprofile.internal.realtime;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Logger;

/**
 * Closes a socket's connections: {@link #closeNow} on the calling thread, {@link #closeAsync} on the I/O scope,
 * {@link #goAway} with 1001 (going away) when the application stops, and through a {@link Deferred} what a callback
 * of the container decided to close. A close that fails is only logged: the connection is being given up on either
 * way. Thread-safe.
 *
 * <p><b>Never inside a callback.</b> {@code Session.close} may block until the peer's close frame was read, and on
 * some implementations (Open Liberty) a frame is read only once the callback that is running ({@code onOpen})
 * returns: a close made inside it waits for what cannot come, and holds the container's connecting thread, which is
 * the library's I/O thread that made the handshake, past the application's undeploy. So a callback never closes
 * itself; it hands the close to its handshake's {@link Deferred}, which makes it on the handshake's own thread once
 * {@code connectToServer} has returned. That thread is already the library's, tracked by the I/O scope (whose close
 * waits for it, bounded, then interrupts it): no other thread is needed, and it works the same while the application
 * stops, when the I/O scope refuses new tasks.
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

    /**
     * Closes {@code toClose} (nothing when null) on the I/O scope, or on the calling thread once that is closed: not
     * for the container's callbacks (see the class comment).
     */
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

    /** A new {@link Deferred} for one handshake, made before its {@code connectToServer} call. */
    Deferred deferred() {
        return new Deferred();
    }

    /**
     * The closes that the callbacks of one handshake's endpoint ask for, made after the handshake call returned, on
     * its thread. Thread-safe: the callbacks may run on a thread of the container's.
     */
    final class Deferred {

        private Session pending;
        private CloseReason pendingReason;
        private boolean returned;

        private Deferred() {
        }

        /**
         * Closes {@code toClose} once the handshake call has returned; never blocks. A callback that comes after
         * that (no implementation known calls {@code onOpen} after {@code connectToServer} returned) closes on the
         * I/O scope; when that is closed too, the connection is left to the container: closing it in the callback
         * could hang the container's thread as described in the class comment.
         */
        void close(Session toClose, CloseReason reason) {
            Objects.requireNonNull(toClose, "toClose");
            Objects.requireNonNull(reason, "reason");
            synchronized (this) {
                if (!returned) {
                    pending = toClose;
                    pendingReason = reason;
                    return;
                }
            }
            try {
                io.execute(() -> closeNow(toClose, reason.getCloseCode(), reason.getReasonPhrase()));
            } catch (RejectedExecutionException e) {
                LOG.fine(() -> label + ": a connection that opened after its handshake returned, while the application"
                        + " stops, is left to the container");
            }
        }

        /** The handshake call returned or threw: makes the close asked for meanwhile, on the calling thread. */
        void handshakeReturned() {
            Session toClose;
            CloseReason reason;
            synchronized (this) {
                returned = true;
                toClose = pending;
                reason = pendingReason;
                pending = null;
            }
            if (toClose != null) {
                closeNow(toClose, reason.getCloseCode(), reason.getReasonPhrase());
            }
        }
    }
}
