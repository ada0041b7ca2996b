package cx.wonderful.microprofile.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The waits between retries, as futures completed by a scheduler: the runtime's
 * {@code java:comp/DefaultManagedScheduledExecutorService} where there is one (looked up on the thread of the first
 * wait), else one daemon thread owned by the library, created on first use and shut down with the application. No
 * thread sleeps through a backoff; a scheduled wait holds no thread at all.
 */
final class RetryTimer implements ApiInvoker.Delays {

    static final String MANAGED_SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";
    private static final Logger LOG = Logger.getLogger(RetryTimer.class.getName());

    private ScheduledExecutorService resolved;
    private ScheduledThreadPoolExecutor own;
    private boolean closed;
    /** Waits not over yet: failed when the application stops, so that no caller waits for a timer that is gone. */
    private final java.util.Set<CompletableFuture<Void>> pending = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public CompletableFuture<Void> after(Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        pending.add(done);
        done.whenComplete((ok, failure) -> pending.remove(done));
        try {
            scheduler().schedule(() -> done.complete(null), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException | IllegalStateException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    private synchronized ScheduledExecutorService scheduler() {
        if (closed) {
            throw new IllegalStateException("the application is stopping");
        }
        if (resolved == null) {
            resolved = lookupManaged();
            if (resolved == null) {
                own = new ScheduledThreadPoolExecutor(1, task -> {
                    Thread thread = new Thread(task, "wonderful-retry-timer");
                    thread.setDaemon(true);
                    return thread;
                });
                own.setRemoveOnCancelPolicy(true);
                resolved = own;
            }
        }
        return resolved;
    }

    synchronized void close() {
        closed = true;
        if (own != null) {
            own.shutdownNow();
        }
        for (CompletableFuture<Void> wait : pending) {
            wait.completeExceptionally(new IllegalStateException("the application is stopping"));
        }
    }

    private static ScheduledExecutorService lookupManaged() {
        try {
            Object found = new InitialContext().lookup(MANAGED_SCHEDULER);
            return found instanceof ScheduledExecutorService scheduler ? scheduler : null;
        } catch (NamingException | RuntimeException | LinkageError e) {
            LOG.fine(() -> "no " + MANAGED_SCHEDULER + " (" + e + "); using the library's own timer thread");
            return null;
        }
    }
}
