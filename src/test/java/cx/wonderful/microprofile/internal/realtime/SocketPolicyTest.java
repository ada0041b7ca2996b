package cx.wonderful.microprofile.internal.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.microprofile.internal.Backoff;
import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class SocketPolicyTest {

    private static final Duration BASE = Duration.ofMillis(1000);
    private final SocketPolicy policy = new SocketPolicy(5, Backoff.from(BASE), Duration.ofSeconds(30), Duration.ofSeconds(10));

    @Test
    void attemptsAreCountedFromOneUpToTheMaximum() {
        assertFalse(policy.mayAttempt(0));
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertTrue(policy.mayAttempt(attempt));
        }
        assertFalse(policy.mayAttempt(6));
        assertFalse(new SocketPolicy(0, Backoff.from(BASE), Duration.ofSeconds(1), Duration.ofSeconds(1)).mayAttempt(1));
    }

    @Test
    void everyDelayLiesBetweenHalfAndAllOfTheDoubledStep() {
        RandomGenerator random = new Random(42);
        for (int attempt = 1; attempt <= 10; attempt++) {
            long step = Math.min(32_000, 1000L << (attempt - 1));
            for (int draw = 0; draw < 200; draw++) {
                long delay = policy.delayBefore(attempt, random).toMillis();
                assertTrue(delay >= step / 2 && delay <= step, "attempt " + attempt + ": " + delay + " ms outside [" + step / 2 + ", " + step + "]");
            }
        }
    }

    @Test
    void theBoundsAreReachedAndTheDelaysAreSpread() {
        RandomGenerator lowest = fixed(0);
        RandomGenerator highest = fixed(Long.MAX_VALUE);
        assertEquals(Duration.ofMillis(500), policy.delayBefore(1, lowest));
        assertEquals(Duration.ofMillis(1000), policy.delayBefore(1, highest));
        assertEquals(Duration.ofMillis(8000), policy.delayBefore(5, lowest));
        assertEquals(Duration.ofMillis(16000), policy.delayBefore(5, highest));
        Set<Long> seen = new HashSet<>();
        RandomGenerator random = new Random(7);
        for (int draw = 0; draw < 50; draw++) {
            seen.add(policy.delayBefore(3, random).toMillis());
        }
        assertTrue(seen.size() > 10, "jitter spreads the delays: " + seen);
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> policy.delayBefore(0, new Random()));
        assertThrows(IllegalArgumentException.class, () -> new SocketPolicy(-1, Backoff.from(BASE), Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new SocketPolicy(1, Backoff.from(BASE), Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new SocketPolicy(1, Backoff.from(BASE), Duration.ofSeconds(1), Duration.ofSeconds(-1)));
    }

    /** A generator whose bounded draws are always the lowest (0) or the highest value of the range. */
    private static RandomGenerator fixed(long value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return value;
            }

            @Override
            public long nextLong(long bound) {
                return value == 0 ? 0 : bound - 1;
            }
        };
    }
}
