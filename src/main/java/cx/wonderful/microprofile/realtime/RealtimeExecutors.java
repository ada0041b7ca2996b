package cx.wonderful.microprofile.realtime;

import cx.wonderful.microprofile.internal.ManagedExecutors;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
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
 * everything runs on its {@code java:comp/DefaultManagedExecutorService} and
 * {@code java:comp/DefaultManagedScheduledExecutorService}: the library starts no thread of its own. Elsewhere
 * (Weld SE, plain Java) it falls back to small pools of daemon threads that start on demand and end when idle: one
 * timer thread, {@value #IO_THREADS} for blocking socket work, {@value #COMMAND_THREADS} for the sessions' REST
 * commands and {@value #EVENT_THREADS} for event delivery (so up to {@value #EVENT_THREADS} sessions can have a slow
 * listener at once before others wait).
 *
 * <p><b>Scopes.</b> {@link #io()}, {@link #commands()}, {@link #events()} and {@link #scheduler()} are
 * {@link TaskScope}s: each tracks its own tasks, so that {@link #shutdown()} cancels exactly the library's.
 *
 * <p><b>Shutdown</b> ({@code @PreDestroy}, when the application stops): every open {@link ChatSocket} is closed with
 * 1001 (going away) and stops reconnecting, every pending handshake, reconnect and timer is cancelled, running tasks
 * get {@value #SHUTDOWN_GRACE_SECONDS} s to return, then the fallback pools (if any) stop. Nothing opens after.
 */
@ApplicationScoped
public class RealtimeExecutors {

    static final int IO_THREADS = 4;
    static final int EVENT_THREADS = 16;
    static final int COMMAND_THREADS = 4;
    static final int SHUTDOWN_GRACE_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(RealtimeExecutors.class.getName());

    private final SocketRegistry sockets = new SocketRegistry();
    private final List<ExecutorService> ownPools = new ArrayList<>();
    private final TaskScope scheduler;
    private final TaskScope io;
    private final TaskScope events;
    private final TaskScope commands;

    /** The runtime's managed executors where there are, else the fallback pools. */
    public RealtimeExecutors() {
        this(ManagedExecutors.executor(), ManagedExecutors.scheduledExecutor());
    }

    /** With the given executors (not shut down by this class); an empty one is replaced by a fallback pool. */
    RealtimeExecutors(Optional<ExecutorService> managed, Optional<ScheduledExecutorService> managedScheduled) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ScheduledExecutorService timer = managedScheduled.orElseGet(() -> own(timerPool(loader)));
        scheduler = new TaskScope("wonderful-realtime-timer", timer, timer);
        io = new TaskScope("wonderful-realtime-io", managed.orElseGet(() -> own(pool(IO_THREADS, "wonderful-realtime-io-", loader))), timer);
        events = new TaskScope("wonderful-chat-events", managed.orElseGet(() -> own(pool(EVENT_THREADS, "wonderful-chat-events-", loader))), timer);
        commands = new TaskScope("wonderful-chat-commands", managed.orElseGet(() -> own(pool(COMMAND_THREADS, "wonderful-chat-commands-", loader))), timer);
        LOG.fine(() -> "real-time executors: " + (managed.isPresent() ? "the runtime's managed executor" : "own pools")
                + ", " + (managedScheduled.isPresent() ? "the runtime's managed scheduled executor" : "own timer"));
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

    /** Every socket of the application that is not closed yet. */
    SocketRegistry sockets() {
        return sockets;
    }

    /** Whether {@link #shutdown()} has begun: nothing new may start. */
    public boolean isShutDown() {
        return io.isClosed();
    }

    /** See the class comment: sockets closed with 1001, the library's tasks cancelled, own threads stopped. Idempotent. */
    @PreDestroy
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
        for (ExecutorService pool : ownPools) {
            try {
                pool.awaitTermination(remaining(deadline).toNanos(), TimeUnit.NANOSECONDS);
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
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, threads("wonderful-realtime-timer-", loader));
        timer.setRemoveOnCancelPolicy(true);
        timer.setKeepAliveTime(30, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        return timer;
    }

    private static ThreadPoolExecutor pool(int size, String prefix, ClassLoader loader) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                threads(prefix, loader));
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
