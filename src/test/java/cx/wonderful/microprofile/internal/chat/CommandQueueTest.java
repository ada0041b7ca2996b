package cx.wonderful.microprofile.internal.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CommandQueueTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** A command that takes a random while on the pool, as a REST call does. */
    private CompletionStage<Integer> slowly(int n, List<Integer> started, AtomicInteger inFlight, List<Integer> overlaps) {
        return CompletableFuture.supplyAsync(() -> {
            if (inFlight.incrementAndGet() > 1) {
                overlaps.add(n);
            }
            started.add(n);
            try {
                Thread.sleep(ThreadLocalRandom.current().nextInt(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return n;
        }, pool);
    }

    @Test
    void commandsRunOneAtATimeInCallOrderEachOnce() throws Exception {
        CommandQueue queue = new CommandQueue();
        List<Integer> started = Collections.synchronizedList(new ArrayList<>());
        List<Integer> overlaps = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger inFlight = new AtomicInteger();
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            results.add(queue.submit(() -> slowly(n, started, inFlight, overlaps)).toCompletableFuture());
        }
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        List<Integer> expected = IntStream.range(0, 200).boxed().toList();
        assertEquals(expected, started);
        assertEquals(List.of(), overlaps);
        assertEquals(expected, results.stream().map(CompletableFuture::join).toList());
    }

    @Test
    void aFailedOrThrowingCommandDoesNotBlockTheNextOne() throws Exception {
        CommandQueue queue = new CommandQueue();
        CompletableFuture<Object> failed = queue.submit(() -> CompletableFuture.failedFuture(new IllegalStateException("refused")))
                .toCompletableFuture();
        CompletableFuture<Object> threw = queue.<Object>submit(() -> {
            throw new AssertionError("the command itself throws");
        }).toCompletableFuture();
        CompletableFuture<String> next = queue.submit(() -> CompletableFuture.completedFuture("next")).toCompletableFuture();
        assertEquals("next", next.get(10, TimeUnit.SECONDS));
        assertTrue(assertThrows(ExecutionException.class, failed::get).getCause() instanceof IllegalStateException);
        assertTrue(assertThrows(ExecutionException.class, threw::get).getCause() instanceof AssertionError);
    }

    @Test
    void completingTheReturnedStageDoesNotSkipTheQueue() throws Exception {
        CommandQueue queue = new CommandQueue();
        CompletableFuture<String> gate = new CompletableFuture<>();
        CompletableFuture<String> first = queue.submit(() -> gate).toCompletableFuture();
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<String> second = queue.submit(() -> {
            ran.add("second");
            return CompletableFuture.completedFuture("second");
        }).toCompletableFuture();
        first.complete("forced by the caller");
        assertEquals(List.of(), ran);
        gate.complete("first");
        assertEquals("second", second.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aWaitingCallerMakesTheCallItselfWhenNoCommandThreadHasStartedIt() throws Exception {
        CommandQueue queue = new CommandQueue();
        List<Runnable> handedOff = new ArrayList<>();
        List<String> ranOn = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<String> sent = queue.submit(() -> {
            OnceCall<String> call = new OnceCall<>(() -> {
                ranOn.add(Thread.currentThread().getName());
                return "sent";
            });
            handedOff.add(call); // an executor whose threads are all busy: nothing runs it yet
            return call;
        }).toCompletableFuture();
        assertEquals("sent", sent.get(10, TimeUnit.SECONDS));
        assertEquals(List.of(Thread.currentThread().getName()), ranOn);
        handedOff.forEach(Runnable::run); // the command thread gets to it later: it is not made twice
        assertEquals(1, ranOn.size());
    }

    @Test
    void aCallIsMadeOnceWhenTheWaitingCallerAndACommandThreadRace() throws Exception {
        CommandQueue queue = new CommandQueue();
        AtomicInteger calls = new AtomicInteger();
        for (int i = 0; i < 500; i++) {
            int n = i;
            CompletableFuture<Integer> sent = queue.submit(() -> {
                OnceCall<Integer> call = new OnceCall<>(() -> {
                    calls.incrementAndGet();
                    return n;
                });
                pool.execute(call);
                return call;
            }).toCompletableFuture();
            assertEquals(n, n % 2 == 0 ? sent.join() : sent.get(10, TimeUnit.SECONDS));
        }
        assertEquals(500, calls.get());
    }

    @Test
    void aFailedCallIsReportedToTheWaitingCallerWrappedAsByAnExecutor() {
        CommandQueue queue = new CommandQueue();
        CompletableFuture<Object> sent = queue.submit(() -> new OnceCall<>(() -> {
            throw new IllegalStateException("refused");
        })).toCompletableFuture();
        assertTrue(assertThrows(ExecutionException.class, () -> sent.get(10, TimeUnit.SECONDS)).getCause() instanceof IllegalStateException);
    }

    @Test
    void theOutcomeRunsBeforeTheCallerSeesTheResultAndTheCallerStillMakesTheCall() throws Exception {
        CommandQueue queue = new CommandQueue();
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<String> sent = queue.submit(() -> new OnceCall<>(() -> {
            order.add("call on " + Thread.currentThread().getName());
            return "sent";
        }), (value, failure) -> order.add("outcome " + value)).toCompletableFuture();
        assertEquals("sent", sent.get(10, TimeUnit.SECONDS));
        assertEquals(List.of("call on " + Thread.currentThread().getName(), "outcome sent"), order);
    }
}
