package cx.wonderful.microprofile.internal.realtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The shutdown of the library's own pools. */
class RealtimeExecutorsTest {

    @Test
    void aTaskThatOutlastsTheGraceButHonoursInterruptionLeavesNoThreadBehind() throws Exception {
        RealtimeExecutors executors = new RealtimeExecutors(Optional.empty(), Optional.empty(), Optional.empty());
        AtomicReference<Thread> worker = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        executors.io().execute(() -> {
            worker.set(Thread.currentThread());
            started.countDown();
            try {
                Thread.sleep(TimeUnit.MINUTES.toMillis(1));
            } catch (InterruptedException e) {
                // Interrupted: it ends, though not at once (say, a connection to let go of first).
                windDown(1500);
            }
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        executors.shutdown();
        // A pool is terminated when its last worker is about to end: a moment for that, far less than the wind-down.
        worker.get().join(200);
        assertFalse(worker.get().isAlive(), worker.get().getName() + " outlived the shutdown");
    }

    private static void windDown(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end) {
            try {
                Thread.sleep(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
            } catch (InterruptedException e) {
                // winding down whatever interrupts it
            }
        }
    }
}
