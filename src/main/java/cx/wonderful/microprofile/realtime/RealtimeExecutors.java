package cx.wonderful.microprofile.realtime;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of every chat session of the application, whatever their number: one scheduler for keep-alive
 * pings, dead-connection checks and reconnect timers; a small pool for the blocking socket work (handshakes,
 * closes, pings); a small pool for the sessions' REST commands (send, end, history); a small pool on which each
 * session's events run one after another. Threads are daemons, start on demand, end when idle, and carry the class
 * loader of the application that created this bean. Work beyond the pools' size waits in their queues.
 */
@ApplicationScoped
public class RealtimeExecutors {

    static final int IO_THREADS = 4;
    static final int EVENT_THREADS = 2;
    static final int COMMAND_THREADS = 4;

    private final ScheduledThreadPoolExecutor scheduler;
    private final ThreadPoolExecutor io;
    private final ThreadPoolExecutor events;
    private final ThreadPoolExecutor commands;

    public RealtimeExecutors() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        scheduler = new ScheduledThreadPoolExecutor(1, threads("wonderful-realtime-timer-", loader));
        scheduler.setRemoveOnCancelPolicy(true);
        io = pool(IO_THREADS, threads("wonderful-realtime-io-", loader));
        events = pool(EVENT_THREADS, threads("wonderful-chat-events-", loader));
        commands = pool(COMMAND_THREADS, threads("wonderful-chat-commands-", loader));
    }

    /** Timers only: tasks run here must not block (hand blocking work to {@link #io()}). */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** Handshakes, pings and closes: work that may block on the network. */
    public ExecutorService io() {
        return io;
    }

    /** The sessions' blocking REST calls. */
    public ExecutorService commands() {
        return commands;
    }

    /** Where each session's serial event queue runs. */
    public ExecutorService events() {
        return events;
    }

    @PreDestroy
    public void shutdown() {
        scheduler.shutdownNow();
        io.shutdown();
        events.shutdown();
        commands.shutdown();
    }

    private static ThreadPoolExecutor pool(int size, ThreadFactory factory) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static ThreadFactory threads(String prefix, ClassLoader loader) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(loader);
            return thread;
        };
    }
}
