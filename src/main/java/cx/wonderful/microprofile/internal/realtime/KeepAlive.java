package cx.wonderful.microprofile.internal.realtime;

import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The keep-alive of one open connection: a protocol ping every {@link SocketPolicy#pingInterval()}, and a pong
 * timeout after each ping a check whether anything (a pong or any frame, as {@link #frameArrived()} reports) came
 * since that ping; when nothing did, {@code dead} is told why. The timer only schedules: pings are sent on the I/O
 * scope, since a write may block. After {@link #stop()} nothing is sent and nothing reported. Thread-safe.
 */
final class KeepAlive {

    private static final Logger LOG = Logger.getLogger(ChatSocket.class.getName());
    private static final byte[] PING_PAYLOAD = "wonderful-keepalive".getBytes(StandardCharsets.US_ASCII);

    private final String label;
    private final Session session;
    private final SocketPolicy policy;
    private final TaskScope scheduler;
    private final TaskScope io;
    private final Consumer<String> dead;
    private volatile long lastFrameNanos = System.nanoTime();
    private volatile boolean stopped;
    private volatile TaskScope.Handle pings;

    /**
     * @param label names the socket in log lines
     * @param session the open connection to keep
     * @param policy the ping interval and the pong timeout
     * @param scheduler keeps the timers
     * @param io sends the pings
     * @param dead told (with the reason) when a ping went unanswered; called on a timer thread, without locks
     */
    KeepAlive(String label, Session session, SocketPolicy policy, TaskScope scheduler, TaskScope io, Consumer<String> dead) {
        this.label = Objects.requireNonNull(label, "label");
        this.session = Objects.requireNonNull(session, "session");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.io = Objects.requireNonNull(io, "io");
        this.dead = Objects.requireNonNull(dead, "dead");
    }

    /** Starts pinging, the first time one interval from now; nothing happens once the application is stopping. */
    void start() {
        try {
            pings = scheduler.scheduleAtFixedRate(this::ping, policy.pingInterval());
        } catch (RejectedExecutionException e) {
            LOG.fine(() -> label + ": no keep-alive, the application is stopping");
        }
    }

    /** Something came through the connection: it is alive. */
    void frameArrived() {
        lastFrameNanos = System.nanoTime();
    }

    /** No more pings, and no more reports. Idempotent. */
    void stop() {
        stopped = true;
        TaskScope.Handle running = pings;
        if (running != null) {
            running.cancel();
        }
    }

    private void ping() {
        if (stopped) {
            return;
        }
        try {
            io.execute(() -> {
                // Queued behind other I/O work, the ping may find the connection already given up on.
                if (stopped) {
                    return;
                }
                long sentAt = System.nanoTime();
                try {
                    session.getAsyncRemote().sendPing(ByteBuffer.wrap(PING_PAYLOAD));
                } catch (IOException | RuntimeException e) {
                    LOG.fine(() -> label + ": ping failed: " + ChatSocket.describe(e));
                }
                try {
                    scheduler.schedule(() -> checkAlive(sentAt), policy.pongTimeout());
                } catch (RejectedExecutionException e) {
                    LOG.fine(() -> label + ": no liveness check, the application is stopping");
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.fine(() -> label + ": no ping, the application is stopping");
        }
    }

    private void checkAlive(long pingSentAt) {
        if (stopped || lastFrameNanos - pingSentAt >= 0) {
            return;
        }
        dead.accept("nothing received within " + policy.pongTimeout().toMillis() + " ms of a ping");
    }
}
