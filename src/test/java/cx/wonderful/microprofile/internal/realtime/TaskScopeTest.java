package cx.wonderful.microprofile.internal.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tasks on executors the scope does not own (as the runtime's managed ones): tracked, cancelled, refused. */
class TaskScopeTest {

    private final ExecutorService runner = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final TaskScope scope = new TaskScope("test", runner, timer);

    @AfterEach
    void stop() {
        runner.shutdownNow();
        timer.shutdownNow();
    }

    @Test
    void closeCancelsQueuedTasksAndTimersWaitsForTheRunningOneAndRefusesNewOnes() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        scope.execute(() -> {
            running.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(running.await(10, TimeUnit.SECONDS));
        scope.execute(ran::incrementAndGet);
        // Timers far off, so that none can fire before close however slow the machine; the queued task waits
        // behind the running one on the single runner thread.
        scope.schedule(ran::incrementAndGet, Duration.ofHours(1));
        scope.scheduleAtFixedRate(ran::incrementAndGet, Duration.ofHours(1));
        assertEquals(4, scope.pending());

        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            release.countDown();
        });
        releaser.start();
        scope.close(Duration.ofSeconds(10));
        assertEquals(0, release.getCount(), "close waited for the running task");
        Thread.sleep(200);
        assertEquals(0, ran.get(), "a task queued or scheduled before close ran after it");
        assertEquals(0, scope.pending());
        assertThrows(RejectedExecutionException.class, () -> scope.execute(ran::incrementAndGet));
        assertThrows(RejectedExecutionException.class, () -> scope.schedule(ran::incrementAndGet, Duration.ZERO));
        assertTrue(!runner.isShutdown() && !timer.isShutdown(), "the executors themselves are not the scope's to stop");
    }

    @Test
    void doneAndCancelledTasksAreForgottenAndAThrowingTaskKillsNothing() throws Exception {
        CountDownLatch done = new CountDownLatch(2);
        scope.execute(() -> {
            done.countDown();
            throw new AssertionError("a task that fails with an Error");
        });
        scope.execute(done::countDown);
        assertTrue(done.await(10, TimeUnit.SECONDS));
        TaskScope.Handle timerHandle = scope.schedule(() -> { }, Duration.ofHours(1));
        TaskScope.Handle periodic = scope.scheduleAtFixedRate(() -> { }, Duration.ofHours(1));
        timerHandle.cancel();
        periodic.cancel();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (scope.pending() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(0, scope.pending());
    }
}
