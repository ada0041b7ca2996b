package cx.wonderful.microprofile.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": the delay before retry number {@code attempt} (0 for the first retry)
 * is drawn uniformly from {@code [c/2, c]} where {@code c = min(max, base * 2^attempt)}. So every delay is at least
 * half the exponential step (retries do spread out) and never more than {@code max} (no unbounded waits), and
 * concurrent clients that failed together do not retry in lock step.
 */
public final class Backoff {

    private final Duration base;
    private final Duration max;

    /**
     * @param base the step of the first retry, {@code >= 0} (zero gives no delay at all)
     * @param max the cap of every step, {@code >= base}
     */
    public Backoff(Duration base, Duration max) {
        this.base = Objects.requireNonNull(base, "base");
        this.max = Objects.requireNonNull(max, "max");
        if (base.isNegative()) {
            throw new IllegalArgumentException("base must not be negative: " + base);
        }
        if (max.compareTo(base) < 0) {
            throw new IllegalArgumentException("max must not be less than base: " + max + " < " + base);
        }
    }

    /** A backoff capped at 32 times {@code base}, that is five doublings. */
    public static Backoff from(Duration base) {
        return new Backoff(base, base.multipliedBy(32));
    }

    /** The exponential step of {@code attempt} before jitter: {@code min(max, base * 2^attempt)}. */
    public Duration ceiling(int attempt) {
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must not be negative: " + attempt);
        }
        // Shifting past 62 bits overflows; the cap is reached long before that anyway.
        if (attempt >= 62 || base.isZero()) {
            return base.isZero() ? Duration.ZERO : max;
        }
        long factor = 1L << attempt;
        Duration step = base.toNanos() > Long.MAX_VALUE / factor ? max : Duration.ofNanos(base.toNanos() * factor);
        return step.compareTo(max) > 0 ? max : step;
    }

    /** The delay before retry {@code attempt}: uniformly in {@code [ceiling(attempt)/2, ceiling(attempt)]}. */
    public Duration delay(int attempt, RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        long ceiling = ceiling(attempt).toNanos();
        long floor = ceiling / 2;
        return Duration.ofNanos(floor + (ceiling == floor ? 0 : random.nextLong(ceiling - floor + 1)));
    }

    /** {@link #delay(int, RandomGenerator)} with the thread's own random generator. */
    public Duration delay(int attempt) {
        return delay(attempt, ThreadLocalRandom.current());
    }

    @Override
    public String toString() {
        return "Backoff[base=" + base + ", max=" + max + "]";
    }
}
