package cx.wonderful.it.telemetry;

import cx.wonderful.microprofile.chat.ChatEvent;
import cx.wonderful.microprofile.chat.ChatEventListener;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A session's events, for the scenarios inside the server (where JUnit is not deployed): a bounded wait for one. */
final class SessionEvents implements ChatEventListener {

    static final long WAIT_SECONDS = 30;

    private final BlockingQueue<ChatEvent> pending = new LinkedBlockingQueue<>();

    @Override
    public void onEvent(ChatEvent event) {
        pending.add(event);
    }

    /** The next event of {@code type} that matches, the others skipped; IllegalStateException after the wait. */
    <T extends ChatEvent> T await(Class<T> type, Predicate<T> matching) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            ChatEvent next = pending.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new IllegalStateException("no " + type.getSimpleName() + " event within " + WAIT_SECONDS + " s");
            }
            if (type.isInstance(next) && matching.test(type.cast(next))) {
                return type.cast(next);
            }
        }
    }
}
