package cx.wonderful.microprofile.internal.auth;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads token refreshers run on, so that a caller can stop waiting for a refresher that hangs: at most
 * {@value #MAX_THREADS} daemon threads (a hung refresher holds one; further refreshes queue and their callers time
 * out), idle threads end after a minute, all stopped by {@link #close()} when the application stops.
 */
final class RefreshExecutor implements Executor, AutoCloseable {

    static final int MAX_THREADS = 4;

    private final ThreadPoolExecutor pool;

    RefreshExecutor() {
        AtomicInteger count = new AtomicInteger();
        pool = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "wonderful-token-refresh-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    @Override
    public void execute(Runnable task) {
        if (pool.isShutdown()) {
            throw new RejectedExecutionException("the application is stopping");
        }
        pool.execute(task);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
