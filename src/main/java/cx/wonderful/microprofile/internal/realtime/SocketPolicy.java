package cx.wonderful.microprofile.internal.realtime;

import cx.wonderful.microprofile.internal.Backoff;
import cx.wonderful.microprofile.internal.WonderfulSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How a {@link ChatSocket} keeps its connection: a ping every {@code pingInterval}; dead when nothing arrives
 * within {@code pongTimeout} of a ping; after a loss, at most {@code maxAttempts} reconnects, attempt {@code n}
 * (1-based) waiting {@code backoff.delay(n - 1)}, that is between half and all of
 * {@code min(32 * retryDelay, retryDelay * 2^(n-1))}.
 */
record SocketPolicy(int maxAttempts, Backoff backoff, Duration pingInterval, Duration pongTimeout) {

    SocketPolicy {
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("maxAttempts must not be negative: " + maxAttempts);
        }
        Objects.requireNonNull(backoff, "backoff");
        requirePositive(pingInterval, "pingInterval");
        requirePositive(pongTimeout, "pongTimeout");
    }

    static SocketPolicy from(WonderfulSettings settings) {
        return new SocketPolicy(settings.wsMaxReconnectAttempts(), Backoff.from(settings.retryDelay()),
                settings.wsPingInterval(), settings.wsPongTimeout());
    }

    /** Whether attempt {@code attempt} (1-based) may be made. */
    boolean mayAttempt(int attempt) {
        return attempt >= 1 && attempt <= maxAttempts;
    }

    /** The wait before attempt {@code attempt} (1-based). */
    Duration delayBefore(int attempt, RandomGenerator random) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts are counted from 1: " + attempt);
        }
        return backoff.delay(attempt - 1, random);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
