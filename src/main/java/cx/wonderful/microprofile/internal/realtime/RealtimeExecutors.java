package cx.wonderful.microprofile.internal.realtime;

import cx.wonderful.microprofile.internal.ManagedExecutors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * The threads of every chat session of the application, whatever their number, and the owner of every socket and
 * task of the real-time module.
 *
 * <p><b>Where.</b> On a runtime with Jakarta Concurrency (Open Liberty with {@code concurrent-3.0}, WildFly, ...)
 * timers run on its {@code java:comp/DefaultManagedScheduledExecutorService} and event delivery on its
 * {@code java:comp/DefaultManagedExecutorService}. The blocking network work (handshakes, closes, pings:
 * {@value #IO_THREADS} threads; the sessions' REST commands: {@value #COMMAND_THREADS} threads) runs in two small
 * pools of the library's own whose threads come from the runtime's {@code java:comp/DefaultManagedThreadFactory}:
 * a blocking call must not hold threads of the runtime's shared pool, which also serves the requests the call may
 * be waiting for (measured: 50 concurrent starts against an API served by the same Liberty starved its pool for
 * good). Elsewhere (Weld SE, plain Java) the same pools use plain daemon threads, plus one timer thread and
 * {@value #EVENT_THREADS} for event delivery (so up to {@value #EVENT_THREADS} sessions can have a slow listener at
 * once before others wait). Every pool starts its threads on demand and ends them when idle.
 *
 * <p><b>Scopes.</b> {@link #io()}, {@link #commands()}, {@link #events()} and {@link #scheduler()} are
 * {@link TaskScope}s: each tracks its own tasks, so that {@link #shutdown()} cancels exactly the library's.
 *
 * <p><b>Shutdown</b> (by the owner, when the application stops): every open {@link ChatSocket} is closed with
 * 1001 (going away) and stops reconnecting, every pending handshake, reconnect and timer is cancelled, running tasks
 * get {@value #SHUTDOWN_GRACE_SECONDS} s to return (then they are interrupted), then the library's own pools are stopped
 * (interrupted) and get up to {@value #POOL_STOP_SECONDS} s more for their threads to end, so that, when the tasks
 * honour interruption, no thread of theirs outlives {@code shutdown()}. Nothing opens after.
 */
public class RealtimeExecutors {

    static final int IO_THREADS = 4;
    static final int EVENT_THREADS = 16;
    static final int COMMAND_THREADS = 4;
    static final int SHUTDOWN_GRACE_SECONDS = 5;
    static final int POOL_STOP_SECONDS = 2;
    private static final Logger LOG = Logger.getLogger(RealtimeExecutors.class.getName());

    private final SocketRegistry sockets = new SocketRegistry();
    private final List<ExecutorService> ownPools = new ArrayList<>();
    private final TaskScope scheduler;
    private final TaskScope io;
    private final TaskScope events;
    private final TaskScope commands;

    /** The runtime's managed executors and thread factory where there are, else the fallback pools. */
    public RealtimeExecutors() {
        this(ManagedExecutors.executor(), ManagedExecutors.scheduledExecutor(), ManagedExecutors.threadFactory());
    }

    /** With the given executors (not shut down by this class); an empty one is replaced by a fallback pool. */
    RealtimeExecutors(Optional<ExecutorService> managed, Optional<ScheduledExecutorService> managedScheduled,
            Optional<ThreadFactory> managedThreads) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ScheduledExecutorService timer = managedScheduled.orElseGet(() -> own(timerPool(loader)));
        scheduler = new TaskScope("wonderful-realtime-timer", timer, timer);
        io = new TaskScope("wonderful-realtime-io", own(pool(IO_THREADS, "wonderful-realtime-io-", managedThreads, loader)), timer);
        events = new TaskScope("wonderful-chat-events",
                managed.orElseGet(() -> own(pool(EVENT_THREADS, "wonderful-chat-events-", Optional.empty(), loader))), timer);
        commands = new TaskScope("wonderful-chat-commands",
                own(pool(COMMAND_THREADS, "wonderful-chat-commands-", managedThreads, loader)), timer);
        LOG.fine(() -> "real-time executors: events on " + (managed.isPresent() ? "the runtime's managed executor" : "own threads")
                + ", timers on " + (managedScheduled.isPresent() ? "the runtime's managed scheduled executor" : "an own thread")
                + ", network work on " + (managedThreads.isPresent() ? "managed threads" : "own threads"));
    }

    /** Timers only: tasks run here must not block (hand blocking work to {@link #io()}). */
    public TaskScope scheduler() {
        return scheduler;
    }

    /** Handshakes, pings and closes: work that may block on the network. */
    public TaskScope io() {
        return io;
    }

    /** The sessions' blocking REST calls. */
    public TaskScope commands() {
        return commands;
    }

    /** Where each session's serial event queue runs. */
    public TaskScope events() {
        return events;
    }

    /**
     * Keeps {@code socket} until it is {@link #untrack untracked}, so that {@link #shutdown()} closes it. Public: called
     * from the chat package.
     */
    public void track(ChatSocket socket) {
        sockets.add(socket);
    }

    /** Forgets a socket that is closed or gave up. */
    public void untrack(ChatSocket socket) {
        sockets.remove(socket);
    }

    /** Whether {@link #shutdown()} has begun: nothing new may start. */
    public boolean isShutDown() {
        return io.isClosed();
    }

    /** See the class comment: sockets closed with 1001, the library's tasks cancelled, own threads stopped. Idempotent. */
    public void shutdown() {
        Duration grace = Duration.ofSeconds(SHUTDOWN_GRACE_SECONDS);
        // Refuse new handshakes first, so that no socket opens while the open ones are being closed.
        io.refuse();
        scheduler.refuse();
        sockets.goingAway();
        long deadline = System.nanoTime() + grace.toNanos();
        io.close(remaining(deadline));
        scheduler.close(remaining(deadline));
        commands.close(remaining(deadline));
        events.close(remaining(deadline));
        // A handshake that was under way has either opened (and found its socket gone) or failed by now.
        sockets.goingAway();
        for (ExecutorService pool : ownPools) {
            pool.shutdownNow();
        }
        // A wait of their own: the scopes' close may have used up the grace, and an interrupted task needs a moment
        // to return; without it shutdown could return with threads of the pools still running.
        long poolsDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(POOL_STOP_SECONDS);
        for (ExecutorService pool : ownPools) {
            try {
                pool.awaitTermination(remaining(poolsDeadline).toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    private <T extends ExecutorService> T own(T pool) {
        ownPools.add(pool);
        return pool;
    }

    private static ScheduledThreadPoolExecutor timerPool(ClassLoader loader) {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, threads("wonderful-realtime-timer-", Optional.empty(), loader));
        timer.setRemoveOnCancelPolicy(true);
        timer.setKeepAliveTime(30, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        return timer;
    }

    private static ThreadPoolExecutor pool(int size, String prefix, Optional<ThreadFactory> managedThreads, ClassLoader loader) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                threads(prefix, managedThreads, loader));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Managed threads (the runtime sets their context) where there is a factory, else daemon threads of our own. */
    private static ThreadFactory threads(String prefix, Optional<ThreadFactory> managedThreads, ClassLoader loader) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread;
            if (managedThreads.isPresent()) {
                thread = managedThreads.get().newThread(task);
            } else {
                thread = new Thread(task);
                thread.setDaemon(true);
                thread.setContextClassLoader(loader);
            }
            thread.setName(prefix + count.incrementAndGet());
            return thread;
        };
    }
}
