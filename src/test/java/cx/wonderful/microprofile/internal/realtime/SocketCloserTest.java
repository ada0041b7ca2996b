package cx.wonderful.microprofile.internal.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Where and when a connection is closed: a callback's close never on the callback's thread. */
class SocketCloserTest {

    private static final CloseReason GOING_AWAY = new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "stopping");

    private final ExecutorService runner = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final TaskScope io = new TaskScope("test-io", runner, timer);
    private final SocketCloser closer = new SocketCloser("test", io);
    private final List<String> closes = new CopyOnWriteArrayList<>();
    private final List<Thread> closingThreads = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Session session = FakeSessions.session(payload -> { }, reason -> {
        closes.add(reason.getCloseCode().getCode() + " " + reason.getReasonPhrase());
        closingThreads.add(Thread.currentThread());
        closed.countDown();
    });

    @AfterEach
    void stop() {
        runner.shutdownNow();
        timer.shutdownNow();
    }

    @Test
    void aCloseAskedForDuringTheHandshakeCallIsMadeOnceItReturnedOnItsThread() {
        SocketCloser.Deferred deferred = closer.deferred();
        deferred.close(session, GOING_AWAY);
        assertEquals(List.of(), closes, "closed inside the callback");
        deferred.handshakeReturned();
        assertEquals(List.of("1001 stopping"), closes);
        assertSame(Thread.currentThread(), closingThreads.get(0));
        deferred.handshakeReturned();
        assertEquals(1, closes.size(), "closed twice");
    }

    @Test
    void aCloseAskedForAfterTheHandshakeReturnedGoesToTheIoScope() throws Exception {
        SocketCloser.Deferred deferred = closer.deferred();
        deferred.handshakeReturned();
        deferred.close(session, GOING_AWAY);
        assertTrue(closed.await(10, TimeUnit.SECONDS));
        assertNotSame(Thread.currentThread(), closingThreads.get(0));
    }

    @Test
    void aLateCloseWhileTheIoScopeIsClosedNeverBlocksTheCallback() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        Session hanging = FakeSessions.session(payload -> { }, reason -> {
            closes.add("closed");
            await(never);
        });
        io.close(Duration.ZERO);
        SocketCloser.Deferred deferred = closer.deferred();
        deferred.handshakeReturned();
        long started = System.nanoTime();
        deferred.close(hanging, GOING_AWAY);
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(2), "the callback was held");
        assertEquals(List.of(), closes);
    }

    @Test
    void closeAsyncClosesOnTheIoScopeAndOnTheCallerOnceItIsClosed() throws Exception {
        closer.closeAsync(session, CloseReason.CloseCodes.NORMAL_CLOSURE, "bye");
        assertTrue(closed.await(10, TimeUnit.SECONDS));
        assertNotSame(Thread.currentThread(), closingThreads.get(0));
        io.close(Duration.ZERO);
        closer.goAway(session);
        assertEquals(List.of("1000 bye", "1001 " + SocketCloser.GOING_AWAY_REASON), closes);
        assertSame(Thread.currentThread(), closingThreads.get(1));
        closer.closeAsync(null, CloseReason.CloseCodes.NORMAL_CLOSURE, "nothing to close");
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(NullPointerException.class, () -> new SocketCloser(null, io));
        assertThrows(NullPointerException.class, () -> new SocketCloser("test", null));
        assertThrows(NullPointerException.class, () -> closer.deferred().close(null, GOING_AWAY));
        assertThrows(NullPointerException.class, () -> closer.deferred().close(session, null));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
