package cx.wonderful.microprofile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void ceilingDoublesUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10));
        assertEquals(Duration.ofSeconds(1), backoff.ceiling(0));
        assertEquals(Duration.ofSeconds(2), backoff.ceiling(1));
        assertEquals(Duration.ofSeconds(8), backoff.ceiling(3));
        assertEquals(Duration.ofSeconds(10), backoff.ceiling(4));
        assertEquals(Duration.ofSeconds(10), backoff.ceiling(61));
        assertEquals(Duration.ofSeconds(10), backoff.ceiling(Integer.MAX_VALUE));
    }

    @Test
    void delayStaysWithinHalfAndAllOfTheCeiling() {
        Backoff backoff = Backoff.from(Duration.ofMillis(1000));
        SplittableRandom random = new SplittableRandom(42);
        for (int attempt = 0; attempt < 10; attempt++) {
            Duration ceiling = backoff.ceiling(attempt);
            for (int i = 0; i < 1000; i++) {
                Duration delay = backoff.delay(attempt, random);
                assertTrue(delay.compareTo(ceiling.dividedBy(2)) >= 0 && delay.compareTo(ceiling) <= 0,
                        "attempt " + attempt + ": " + delay);
            }
        }
    }

    @Test
    void jitterSpreadsTheDelays() {
        Backoff backoff = Backoff.from(Duration.ofSeconds(1));
        SplittableRandom random = new SplittableRandom(7);
        long distinct = java.util.stream.IntStream.range(0, 100).mapToObj(i -> backoff.delay(2, random)).distinct().count();
        assertTrue(distinct > 50, "distinct delays: " + distinct);
    }

    @Test
    void aZeroBaseMeansNoDelay() {
        assertEquals(Duration.ZERO, Backoff.from(Duration.ZERO).delay(5));
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofMillis(-1), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> Backoff.from(Duration.ofSeconds(1)).ceiling(-1));
    }
}
