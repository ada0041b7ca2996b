package cx.wonderful.microprofile.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where asynchronous calls run: the runtime's {@code java:comp/DefaultManagedExecutorService} when it has one
 * ({@link ManagedExecutors}: a Jakarta EE server with Concurrency, looked up on the thread of the first asynchronous
 * call), else a pool of daemon
 * threads owned by the library, created on first use and shut down with the application. The pool has at most
 * {@value #MAX_THREADS} threads, so that many calls at once queue instead of adding threads; idle threads end after a
 * minute.
 */
final class AsyncExecutor {

    static final int MAX_THREADS = 8;

    private Executor resolved;
    private ExecutorService ownPool;

    synchronized Executor get() {
        if (resolved == null) {
            resolved = ManagedExecutors.executor().orElse(null);
            if (resolved == null) {
                ownPool = pool();
                resolved = ownPool;
            }
        }
        return resolved;
    }

    synchronized void close() {
        if (ownPool != null) {
            ownPool.shutdown();
        }
    }

    private static ExecutorService pool() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "wonderful-async-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), factory);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
