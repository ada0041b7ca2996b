package cx.wonderful.microprofile.internal.chat;

import static org.junit.jupiter.api.Assertions.fail;

import cx.wonderful.microprofile.chat.ChatEvent;
import cx.wonderful.microprofile.chat.ChatEventListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Keeps a session's events in order; waits, bounded, until they satisfy a condition. */
final class RecordingListener implements ChatEventListener {

    static final long WAIT_SECONDS = 20;

    private final List<ChatEvent> events = new ArrayList<>();

    @Override
    public synchronized void onEvent(ChatEvent event) {
        events.add(event);
        notifyAll();
    }

    synchronized List<ChatEvent> events() {
        return List.copyOf(events);
    }

    synchronized List<String> texts() {
        return events.stream().filter(e -> e instanceof ChatEvent.Message).map(e -> ((ChatEvent.Message) e).text()).toList();
    }

    synchronized void await(Predicate<List<ChatEvent>> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.test(events)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("no " + what + " within " + WAIT_SECONDS + " s; events: " + events);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    void awaitTexts(int count) throws InterruptedException {
        await(all -> all.stream().filter(e -> e instanceof ChatEvent.Message).count() >= count, count + " messages");
    }
}
