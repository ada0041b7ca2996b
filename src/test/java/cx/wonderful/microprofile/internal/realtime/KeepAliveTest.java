package cx.wonderful.microprofile.internal.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.microprofile.internal.Backoff;
import jakarta.websocket.Session;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The keep-alive against a session of the test's, which answers the pings or stays silent. */
class KeepAliveTest {

    private static final SocketPolicy POLICY = new SocketPolicy(1, Backoff.from(Duration.ofMillis(10)),
            Duration.ofMillis(40), Duration.ofMillis(80));

    private final ExecutorService runner = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final TaskScope scheduler = new TaskScope("test-timer", timer, timer);
    private final TaskScope io = new TaskScope("test-io", runner, timer);
    private final AtomicInteger pings = new AtomicInteger();
    private final AtomicReference<String> deadBecause = new AtomicReference<>();
    private final CountDownLatch dead = new CountDownLatch(1);

    @AfterEach
    void stop() {
        runner.shutdownNow();
        timer.shutdownNow();
    }

    private KeepAlive keepAlive(Session session) {
        return new KeepAlive("test", session, POLICY, scheduler, io, reason -> {
            deadBecause.set(reason);
            dead.countDown();
        });
    }

    @Test
    void aConnectionThatAnswersNoPingIsDeadAfterThePongTimeout() throws Exception {
        Session silent = FakeSessions.session(payload -> pings.incrementAndGet(), reason -> { });
        keepAlive(silent).start();
        assertTrue(dead.await(10, TimeUnit.SECONDS), "reported dead");
        assertEquals("nothing received within 80 ms of a ping", deadBecause.get());
        assertTrue(pings.get() >= 1);
    }

    @Test
    void aConnectionWhoseFramesArriveAfterEachPingStaysAlive() throws Exception {
        AtomicReference<KeepAlive> keeping = new AtomicReference<>();
        // Each ping is answered at once, as a pong would be: something arrived after every ping.
        Session answering = FakeSessions.session(payload -> {
            pings.incrementAndGet();
            keeping.get().frameArrived();
        }, reason -> { });
        keeping.set(keepAlive(answering));
        keeping.get().start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pings.get() < 8 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(pings.get() >= 8, "pinged every interval: " + pings.get());
        // The check of the last ping answered comes a pong timeout after it.
        Thread.sleep(2 * POLICY.pongTimeout().toMillis());
        assertEquals(1, dead.getCount(), "reported dead: " + deadBecause.get());
    }

    @Test
    void afterStopNothingIsSentAndNothingReported() throws Exception {
        Session silent = FakeSessions.session(payload -> pings.incrementAndGet(), reason -> { });
        KeepAlive keepAlive = keepAlive(silent);
        keepAlive.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pings.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        keepAlive.stop();
        // A ping being written as stop was called may still be counted.
        Thread.sleep(100);
        int sent = pings.get();
        Thread.sleep(3 * POLICY.pongTimeout().toMillis());
        assertEquals(sent, pings.get(), "no ping after stop");
        assertEquals(1, dead.getCount(), "a stopped keep-alive reported: " + deadBecause.get());
    }

    @Test
    void aKeepAliveStartedWhileTheApplicationStopsDoesNothing() {
        scheduler.close(Duration.ZERO);
        Session silent = FakeSessions.session(payload -> pings.incrementAndGet(), reason -> { });
        keepAlive(silent).start();
        assertEquals(0, scheduler.pending());
        assertThrows(NullPointerException.class, () -> new KeepAlive("test", null, POLICY, scheduler, io, reason -> { }));
        assertThrows(NullPointerException.class, () -> new KeepAlive("test", silent, POLICY, scheduler, io, null));
    }
}
