package cx.wonderful.microprofile.internal.chat;

import cx.wonderful.microprofile.internal.LogMessage;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Logger;

/**
 * Runs its tasks one at a time, in submission order, on a shared executor: one per session, so that a session's
 * events stay in order without a thread of its own. A task that throws anything, an {@link Error} included, is
 * logged; the next one still runs. Once the shared executor refuses work (the application is stopping), the queued
 * tasks are dropped: there is no one left to deliver them to.
 */
final class SerialExecutor implements Executor {

    private static final Logger LOG = Logger.getLogger(SerialExecutor.class.getName());

    private final Executor shared;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean draining;

    SerialExecutor(Executor shared) {
        this.shared = Objects.requireNonNull(shared, "shared");
    }

    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        synchronized (tasks) {
            tasks.add(task);
            if (draining) {
                return;
            }
            draining = true;
        }
        try {
            shared.execute(this::drain);
        } catch (RejectedExecutionException e) {
            synchronized (tasks) {
                draining = false;
                tasks.clear();
            }
            LOG.fine(() -> "chat events dropped, the application is stopping: " + e.getMessage());
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (tasks) {
                next = tasks.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (Throwable e) {
                LogMessage.CHAT_EVENT_TASK_FAILED.log(LOG, e);
            }
        }
    }
}
