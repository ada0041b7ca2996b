package cx.wonderful.microprofile.internal.realtime;

import cx.wonderful.microprofile.WonderfulException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * The reconnect budget of one socket and its one pending attempt.
 *
 * <ul>
 * <li>Attempts are counted from 1 up to {@link SocketPolicy#maxAttempts()} (0: no reconnecting); attempt {@code n}
 * waits {@link SocketPolicy#delayBefore}.</li>
 * <li>After a loss the attempts start again from 1 only when the lost connection had {@link #confirmed proven
 * itself} or stayed up for a pong timeout; a connection that drops right after it opens (a flapping server) counts
 * on from the attempt that opened it, so that flapping ends at the maximum.</li>
 * <li>A failed attempt is retried when its failure may pass, or when it is a 401 while reconnecting (a token being
 * rotated), within the maximum.</li>
 * </ul>
 * Not thread-safe except {@link #confirmed()}: its socket calls it under the socket's lock.
 */
final class Reconnector {

    private static final Logger LOG = Logger.getLogger(ChatSocket.class.getName());

    private final String label;
    private final SocketPolicy policy;
    private final TaskScope scheduler;
    private final LongSupplier clock;
    private TaskScope.Handle pending;
    private long openedAtNanos;
    private int openedBy;
    private volatile boolean proven;

    /**
     * @param label names the socket in log lines
     * @param policy the maximum, the delays and the pong timeout
     * @param scheduler where the attempts wait
     * @param clock {@link System#nanoTime()} but in tests
     */
    Reconnector(String label, SocketPolicy policy, TaskScope scheduler, LongSupplier clock) {
        this.label = Objects.requireNonNull(label, "label");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A connection opened by attempt {@code attempt} (0: the first handshake); it has not proven itself yet. */
    void opened(int attempt) {
        if (attempt < 0) {
            throw new IllegalArgumentException("attempts are counted from 0: " + attempt);
        }
        openedAtNanos = clock.getAsLong();
        openedBy = attempt;
        proven = false;
    }

    /** The current connection works (the conversation came through it). Safe from any thread: it sets a flag. */
    void confirmed() {
        proven = true;
    }

    /** The attempt that follows the loss of the current connection: 1 when it was stable, else one more than its own. */
    int afterLoss() {
        boolean stable = proven || clock.getAsLong() - openedAtNanos >= policy.pongTimeout().toNanos();
        return stable ? 1 : openedBy + 1;
    }

    /** Whether attempt {@code attempt} (1-based) is within the budget. */
    boolean mayAttempt(int attempt) {
        return policy.mayAttempt(attempt);
    }

    /**
     * Whether attempt {@code next} follows a handshake that failed with {@code error}.
     *
     * @param reconnecting whether the failed handshake was a reconnect (not the first handshake)
     */
    boolean retries(int next, WonderfulException error, boolean reconnecting) {
        Objects.requireNonNull(error, "error");
        // A 401 while reconnecting may be a token that was being rotated: retried within the attempts.
        boolean transientRefusal = reconnecting && error.httpStatus().orElse(0) == 401;
        return (error.recoverable() || transientRefusal) && policy.mayAttempt(next);
    }

    /** Why a loss after which attempt {@code next} may not be made ends the socket. */
    String whyNot(int next) {
        return next == 1 ? "reconnecting is off (max attempts 0)"
                : "it kept dropping soon after opening: gave up after " + (next - 1) + " attempt(s)";
    }

    /** Runs {@code handshake} after the delay of attempt {@code attempt}; not at all once the application is stopping. */
    void schedule(int attempt, Runnable handshake) {
        Objects.requireNonNull(handshake, "handshake");
        Duration delay = policy.delayBefore(attempt, ThreadLocalRandom.current());
        try {
            pending = scheduler.schedule(handshake, delay);
        } catch (RejectedExecutionException e) {
            LOG.fine(() -> label + ": not reconnecting, the application is stopping");
        }
    }

    /** Cancels the attempt that is waiting, if any. */
    void cancel() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }
}
