package cx.wonderful.microprofile.internal.realtime;

import cx.wonderful.microprofile.internal.LogMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The library's own tasks on executors it may not own (the runtime's managed executors cannot be shut down by an
 * application): every task and timer submitted here is tracked until it has run or was cancelled, so that
 * {@link #close} can cancel exactly these and wait, bounded, for those already running. After {@code close} every
 * submission is refused with a {@link RejectedExecutionException}, and a task that was queued before but had not
 * started does not run. A task that throws anything is logged; it never kills a thread of the runtime's.
 */
public final class TaskScope implements Executor {

    private static final Logger LOG = Logger.getLogger(TaskScope.class.getName());

    private final String name;
    private final ExecutorService runner;
    private final ScheduledExecutorService timer;
    private final Map<Tracked, Future<?>> live = new ConcurrentHashMap<>();
    private final Object idle = new Object();
    private volatile boolean closed;
    private int running;

    /**
     * @param name names the scope in log lines
     * @param runner where {@link #execute} runs tasks
     * @param timer where {@link #schedule} and {@link #scheduleAtFixedRate} keep their timers; its tasks must not block
     */
    public TaskScope(String name, ExecutorService runner, ScheduledExecutorService timer) {
        this.name = Objects.requireNonNull(name, "name");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.timer = Objects.requireNonNull(timer, "timer");
    }

    @Override
    public String toString() {
        return "TaskScope[" + name + " on " + runner.getClass().getName() + "]";
    }

    /** A scheduled task's handle; {@link #cancel()} is idempotent and never interrupts a running task. */
    public interface Handle {
        void cancel();
    }

    @Override
    public void execute(Runnable task) {
        Tracked tracked = new Tracked(task, false);
        tracked.track(runner.submit(tracked));
    }

    /** Runs {@code task} once after {@code delay}. */
    public Handle schedule(Runnable task, Duration delay) {
        Tracked tracked = new Tracked(task, false);
        tracked.track(timer.schedule(tracked, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS));
        return tracked;
    }

    /** Runs {@code task} every {@code period}, the first time after one period, until cancelled or closed. */
    public Handle scheduleAtFixedRate(Runnable task, Duration period) {
        long nanos = period.toNanos();
        Tracked tracked = new Tracked(task, true);
        tracked.track(timer.scheduleAtFixedRate(tracked, nanos, nanos, TimeUnit.NANOSECONDS));
        return tracked;
    }

    /** Whether {@link #close} was called. */
    public boolean isClosed() {
        return closed;
    }

    /** The tasks and timers submitted and not yet done: what {@link #close} would cancel. */
    int pending() {
        return live.size();
    }

    /**
     * Refuses new tasks, cancels every task and timer not yet started, and waits at most {@code grace} for the ones
     * running to return (they are then interrupted). Idempotent.
     */
    public void close(Duration grace) {
        refuse();
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (idle) {
            while (running > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(idle, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (running > 0) {
                LOG.fine(() -> name + ": " + running + " task(s) still running at shutdown; interrupting them");
                live.values().forEach(future -> future.cancel(true));
            }
        }
        live.clear();
    }

    /** Refuses new tasks and cancels every task and timer not yet started; running ones go on. Idempotent. */
    public void refuse() {
        closed = true;
        List<Future<?>> futures = List.copyOf(live.values());
        futures.forEach(future -> future.cancel(false));
    }

    private void checkOpen() {
        if (closed) {
            throw new RejectedExecutionException(name + " is closed: the application is stopping");
        }
    }

    private final class Tracked implements Runnable, Handle {

        private final Runnable task;
        private final boolean periodic;
        private volatile boolean done;
        private volatile Future<?> future;

        Tracked(Runnable task, boolean periodic) {
            this.task = Objects.requireNonNull(task, "task");
            this.periodic = periodic;
            checkOpen();
        }

        void track(Future<?> submitted) {
            future = submitted;
            live.put(this, submitted);
            // The task may have finished (or been cancelled) before it was tracked.
            if (done || closed) {
                live.remove(this);
                if (closed) {
                    submitted.cancel(false);
                }
            }
        }

        @Override
        public void run() {
            if (closed || done) {
                return;
            }
            synchronized (idle) {
                running++;
            }
            try {
                task.run();
            } catch (Throwable e) {
                LogMessage.TASK_FAILED.log(LOG, e, name);
            } finally {
                synchronized (idle) {
                    running--;
                    idle.notifyAll();
                }
                if (!periodic) {
                    finish();
                }
            }
        }

        @Override
        public void cancel() {
            Future<?> submitted = future;
            finish();
            if (submitted != null) {
                submitted.cancel(false);
            }
        }

        private void finish() {
            done = true;
            live.remove(this);
        }
    }
}
