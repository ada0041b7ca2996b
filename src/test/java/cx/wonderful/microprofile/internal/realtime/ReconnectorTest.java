package cx.wonderful.microprofile.internal.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.internal.Backoff;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reconnect budget on a clock of the test's: flapping counts on, a stable or confirmed connection starts again. */
class ReconnectorTest {

    private static final Duration PONG_TIMEOUT = Duration.ofSeconds(10);

    private final AtomicLong now = new AtomicLong(1_000);
    private final ExecutorService runner = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final TaskScope scheduler = new TaskScope("test-timer", runner, timer);

    @AfterEach
    void stop() {
        runner.shutdownNow();
        timer.shutdownNow();
    }

    private Reconnector reconnector(int maxAttempts) {
        SocketPolicy policy = new SocketPolicy(maxAttempts, Backoff.from(Duration.ofMillis(10)), Duration.ofSeconds(30), PONG_TIMEOUT);
        return new Reconnector("test", policy, scheduler, now::get);
    }

    @Test
    void aConnectionLostSoonAfterItOpenedCountsOnFromTheAttemptThatOpenedIt() {
        Reconnector reconnector = reconnector(3);
        reconnector.opened(0);
        assertEquals(1, reconnector.afterLoss());
        reconnector.opened(1);
        now.addAndGet(PONG_TIMEOUT.toNanos() - 1);
        assertEquals(2, reconnector.afterLoss());
        reconnector.opened(3);
        assertEquals(4, reconnector.afterLoss());
        assertFalse(reconnector.mayAttempt(4), "flapping ends at the maximum");
        assertTrue(reconnector.whyNot(4).contains("gave up after 3 attempt(s)"), reconnector.whyNot(4));
    }

    @Test
    void aConnectionUpForAPongTimeoutOrConfirmedStartsTheAttemptsFromOneAgain() {
        Reconnector reconnector = reconnector(3);
        reconnector.opened(2);
        now.addAndGet(PONG_TIMEOUT.toNanos());
        assertEquals(1, reconnector.afterLoss(), "stayed up a pong timeout");

        reconnector.opened(2);
        reconnector.confirmed();
        assertEquals(1, reconnector.afterLoss(), "the conversation came through it");

        reconnector.opened(2);
        assertEquals(3, reconnector.afterLoss(), "a new connection has not proven itself yet");
    }

    @Test
    void aMaximumOfZeroTurnsReconnectingOff() {
        Reconnector reconnector = reconnector(0);
        reconnector.opened(0);
        reconnector.confirmed();
        assertEquals(1, reconnector.afterLoss());
        assertFalse(reconnector.mayAttempt(1));
        assertEquals("reconnecting is off (max attempts 0)", reconnector.whyNot(1));
        assertFalse(reconnector.retries(1, failure(ErrorCode.NETWORK_ERROR, 0, true), true));
    }

    @Test
    void aFailedAttemptIsRetriedWhenItMayPassOrIsA401WhileReconnectingWithinTheMaximum() {
        Reconnector reconnector = reconnector(3);
        assertTrue(reconnector.retries(2, failure(ErrorCode.NETWORK_ERROR, 0, true), false));
        assertTrue(reconnector.retries(3, failure(ErrorCode.SERVER_ERROR, 503, true), true));
        assertFalse(reconnector.retries(4, failure(ErrorCode.NETWORK_ERROR, 0, true), true), "beyond the maximum");
        WonderfulException refused = failure(ErrorCode.UNAUTHORIZED, 401, false);
        assertTrue(reconnector.retries(2, refused, true), "a token being rotated");
        assertFalse(reconnector.retries(2, refused, false), "the first handshake's 401 is final");
        assertFalse(reconnector.retries(2, failure(ErrorCode.FORBIDDEN, 403, false), true));
    }

    @Test
    void theAttemptRunsAfterItsDelayUnlessCancelledAndNotAtAllOnceTheSchedulerIsClosed() throws Exception {
        Reconnector reconnector = reconnector(3);
        CountDownLatch ran = new CountDownLatch(1);
        reconnector.schedule(1, ran::countDown);
        assertTrue(ran.await(10, TimeUnit.SECONDS));
        // The scope forgets a task just after it ran.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (scheduler.pending() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }

        AtomicInteger cancelled = new AtomicInteger();
        reconnector = new Reconnector("test", new SocketPolicy(3, Backoff.from(Duration.ofHours(1)), Duration.ofSeconds(30),
                PONG_TIMEOUT), scheduler, now::get);
        reconnector.schedule(1, cancelled::incrementAndGet);
        assertEquals(1, scheduler.pending());
        reconnector.cancel();
        assertEquals(0, scheduler.pending());

        scheduler.close(Duration.ZERO);
        reconnector.schedule(1, cancelled::incrementAndGet);
        assertEquals(0, cancelled.get());
    }

    @Test
    void badArgumentsAreRefused() {
        SocketPolicy policy = new SocketPolicy(1, Backoff.from(Duration.ofMillis(10)), Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThrows(NullPointerException.class, () -> new Reconnector(null, policy, scheduler, now::get));
        assertThrows(NullPointerException.class, () -> new Reconnector("test", null, scheduler, now::get));
        assertThrows(NullPointerException.class, () -> new Reconnector("test", policy, null, now::get));
        assertThrows(NullPointerException.class, () -> new Reconnector("test", policy, scheduler, null));
        assertThrows(IllegalArgumentException.class, () -> reconnector(1).opened(-1));
        assertThrows(IllegalArgumentException.class, () -> reconnector(1).schedule(0, () -> { }));
    }

    private static WonderfulException failure(ErrorCode code, int status, boolean recoverable) {
        return new WonderfulException(code, "test failure", status, recoverable, null);
    }
}
