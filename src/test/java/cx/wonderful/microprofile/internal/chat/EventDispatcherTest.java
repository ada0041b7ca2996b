package cx.wonderful.microprofile.internal.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.microprofile.chat.ChatEvent;
import cx.wonderful.microprofile.chat.ChatEventListener;
import cx.wonderful.microprofile.chat.Subscription;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventDispatcherTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static ChatEvent.Reconnected event(int n) {
        return new ChatEvent.Reconnected(n);
    }

    @Test
    void eachSessionDeliversItsEventsInOrderToListenersAndThenObservers() throws Exception {
        int sessions = 20;
        int events = 200;
        CountDownLatch done = new CountDownLatch(sessions);
        List<List<String>> seen = new ArrayList<>();
        List<EventDispatcher> dispatchers = new ArrayList<>();
        for (int s = 0; s < sessions; s++) {
            List<String> log = Collections.synchronizedList(new ArrayList<>());
            seen.add(log);
            EventDispatcher dispatcher = new EventDispatcher("s" + s, new SerialExecutor(pool), e -> {
                log.add("cdi:" + ((ChatEvent.Reconnected) e.event()).attempts());
                if (((ChatEvent.Reconnected) e.event()).attempts() == events - 1) {
                    done.countDown();
                }
            });
            dispatcher.subscribe(e -> log.add("a:" + ((ChatEvent.Reconnected) e).attempts()));
            dispatcher.subscribe(e -> log.add("b:" + ((ChatEvent.Reconnected) e).attempts()));
            dispatchers.add(dispatcher);
        }
        // All sessions emit at once from several threads each session's own sequence.
        ExecutorService emitters = Executors.newFixedThreadPool(sessions);
        for (int s = 0; s < sessions; s++) {
            EventDispatcher dispatcher = dispatchers.get(s);
            emitters.execute(() -> {
                for (int n = 0; n < events; n++) {
                    dispatcher.emit(event(n));
                }
            });
        }
        assertTrue(done.await(30, TimeUnit.SECONDS));
        emitters.shutdown();
        for (List<String> log : seen) {
            List<String> expected = new ArrayList<>();
            for (int n = 0; n < events; n++) {
                expected.add("a:" + n);
                expected.add("b:" + n);
                expected.add("cdi:" + n);
            }
            assertEquals(expected, log);
        }
    }

    @Test
    void aThrowingListenerOrObserverDoesNotStopTheOthersOrLaterEvents() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        EventDispatcher dispatcher = new EventDispatcher("s", new SerialExecutor(pool), e -> {
            log.add("cdi:" + ((ChatEvent.Reconnected) e.event()).attempts());
            if (((ChatEvent.Reconnected) e.event()).attempts() == 1) {
                throw new IllegalStateException("observer fails");
            }
            if (((ChatEvent.Reconnected) e.event()).attempts() == 2) {
                done.countDown();
            }
        });
        dispatcher.subscribe(e -> {
            throw new IllegalStateException("first listener always fails");
        });
        dispatcher.subscribe(e -> log.add("second:" + ((ChatEvent.Reconnected) e).attempts()));
        dispatcher.emit(event(1));
        dispatcher.emit(event(2));
        assertTrue(done.await(30, TimeUnit.SECONDS));
        assertEquals(List.of("second:1", "cdi:1", "second:2", "cdi:2"), log);
    }

    @Test
    void aListenerOrObserverThrowingAnErrorDoesNotStopTheOthersOrLaterEvents() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        EventDispatcher dispatcher = new EventDispatcher("s", new SerialExecutor(pool), e -> {
            int attempts = ((ChatEvent.Reconnected) e.event()).attempts();
            log.add("cdi:" + attempts);
            if (attempts == 1) {
                throw new StackOverflowError("observer fails with an Error");
            }
            done.countDown();
        });
        dispatcher.subscribe(e -> {
            throw new AssertionError("a listener fails with an Error");
        });
        dispatcher.subscribe(e -> log.add("second:" + ((ChatEvent.Reconnected) e).attempts()));
        dispatcher.emit(event(1));
        dispatcher.emit(event(2));
        assertTrue(done.await(30, TimeUnit.SECONDS));
        assertEquals(List.of("second:1", "cdi:1", "second:2", "cdi:2"), log);
    }

    @Test
    void anUnsubscribedListenerGetsNothingMore() throws Exception {
        AtomicInteger count = new AtomicInteger();
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch last = new CountDownLatch(1);
        EventDispatcher dispatcher = new EventDispatcher("s", new SerialExecutor(pool), e -> {
            if (((ChatEvent.Reconnected) e.event()).attempts() == 1) {
                first.countDown();
            } else {
                last.countDown();
            }
        });
        Subscription subscription = dispatcher.subscribe(e -> count.incrementAndGet());
        dispatcher.emit(event(1));
        assertTrue(first.await(30, TimeUnit.SECONDS));
        subscription.unsubscribe();
        subscription.unsubscribe();
        dispatcher.emit(event(2));
        assertTrue(last.await(30, TimeUnit.SECONDS));
        assertEquals(1, count.get());
    }

    @Test
    void theSameListenerTwiceIsTwoSubscriptions() throws Exception {
        AtomicInteger count = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        EventDispatcher dispatcher = new EventDispatcher("s", new SerialExecutor(pool), e -> done.countDown());
        ChatEventListener listener = e -> count.incrementAndGet();
        dispatcher.subscribe(listener);
        try (Subscription second = dispatcher.subscribe(listener)) {
            dispatcher.emit(event(1));
            assertTrue(done.await(30, TimeUnit.SECONDS));
        }
        assertEquals(2, count.get());
    }
}
