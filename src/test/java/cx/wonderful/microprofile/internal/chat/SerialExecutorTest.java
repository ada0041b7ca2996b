package cx.wonderful.microprofile.internal.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void tasksRunOneAtATimeInSubmissionOrderOnTheSharedPool() throws Exception {
        SerialExecutor serial = new SerialExecutor(pool);
        List<Integer> order = new ArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch done = new CountDownLatch(1);
        for (int i = 0; i < 1000; i++) {
            int n = i;
            serial.execute(() -> {
                if (running.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                order.add(n);
                threads.add(Thread.currentThread().getName());
                running.decrementAndGet();
                if (n == 999) {
                    done.countDown();
                }
            });
        }
        assertTrue(done.await(30, TimeUnit.SECONDS));
        assertEquals(0, overlaps.get());
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, order.get(i));
        }
        assertTrue(threads.stream().allMatch(name -> name.startsWith("pool-")), threads.toString());
    }

    @Test
    void aFailingTaskDoesNotStopTheQueue() throws Exception {
        SerialExecutor serial = new SerialExecutor(pool);
        CountDownLatch done = new CountDownLatch(1);
        serial.execute(() -> {
            throw new IllegalStateException("fails on purpose");
        });
        serial.execute(done::countDown);
        assertTrue(done.await(30, TimeUnit.SECONDS));
    }

    @Test
    void manySerialExecutorsShareAFewThreads() throws Exception {
        int executors = 500;
        CountDownLatch done = new CountDownLatch(executors);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < executors; i++) {
            SerialExecutor serial = new SerialExecutor(pool);
            serial.execute(() -> threads.add(Thread.currentThread().getName()));
            serial.execute(done::countDown);
        }
        assertTrue(done.await(30, TimeUnit.SECONDS));
        assertTrue(threads.size() <= 3, threads.toString());
    }
}
