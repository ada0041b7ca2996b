package cx.wonderful.it.chat;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import cx.wonderful.microprofile.chat.ChatEvent;
import cx.wonderful.microprofile.chat.ChatEventListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A session listener for the tests: every event kept in order, and a wait for the next one that matches. */
final class EventLog implements ChatEventListener {

    static final long WAIT_SECONDS = 30;

    private final BlockingQueue<ChatEvent> pending = new LinkedBlockingQueue<>();
    private final List<ChatEvent> all = new ArrayList<>();

    @Override
    public void onEvent(ChatEvent event) {
        synchronized (all) {
            all.add(event);
        }
        pending.add(event);
    }

    /** Waits for the next event that matches, skipping the others; fails after {@link #WAIT_SECONDS}. */
    <T extends ChatEvent> T await(Class<T> type, Predicate<T> matching) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            ChatEvent next = pending.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertNotNull(next, "no " + type.getSimpleName() + " event within " + WAIT_SECONDS + " s; events so far: " + all());
            if (type.isInstance(next) && matching.test(type.cast(next))) {
                return type.cast(next);
            }
        }
    }

    <T extends ChatEvent> T await(Class<T> type) throws InterruptedException {
        return await(type, e -> true);
    }

    ChatEvent.Message awaitMessage(String text) throws InterruptedException {
        return await(ChatEvent.Message.class, m -> m.text().equals(text));
    }

    List<ChatEvent> all() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }
}
