package cx.wonderful.microprofile.internal;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The runtime's Jakarta Concurrency executors and thread factory, looked up by their standard JNDI names, typed by their
 * {@code java.util.concurrent} interfaces only (so the library needs no Concurrency API at compile time). Absent
 * outside a Jakarta EE server with Concurrency (Weld SE, plain Java, Liberty without {@code concurrent-3.0}): the
 * callers then use pools of their own. Look them up on an application thread: {@code java:comp} names need the
 * application's component context.
 *
 * <p>An application must not shut a managed executor down (the container refuses); its owner cancels its own tasks
 * instead.
 */
public final class ManagedExecutors {

    public static final String DEFAULT_EXECUTOR = "java:comp/DefaultManagedExecutorService";
    public static final String DEFAULT_SCHEDULED_EXECUTOR = "java:comp/DefaultManagedScheduledExecutorService";
    public static final String DEFAULT_THREAD_FACTORY = "java:comp/DefaultManagedThreadFactory";
    private static final Logger LOG = Logger.getLogger(ManagedExecutors.class.getName());

    private ManagedExecutors() {
    }

    /** The runtime's default managed executor, if it has one. */
    public static Optional<ExecutorService> executor() {
        return lookup(DEFAULT_EXECUTOR, ExecutorService.class);
    }

    /** The runtime's default managed scheduled executor, if it has one. */
    public static Optional<ScheduledExecutorService> scheduledExecutor() {
        return lookup(DEFAULT_SCHEDULED_EXECUTOR, ScheduledExecutorService.class);
    }

    /** The runtime's default managed thread factory, if it has one: container-aware threads in a pool of one's own. */
    public static Optional<ThreadFactory> threadFactory() {
        return lookup(DEFAULT_THREAD_FACTORY, ThreadFactory.class);
    }

    private static <T> Optional<T> lookup(String name, Class<T> type) {
        try {
            Object found = new InitialContext().lookup(name);
            return type.isInstance(found) ? Optional.of(type.cast(found)) : Optional.empty();
        } catch (NamingException | RuntimeException | LinkageError e) {
            LOG.fine(() -> "no " + name + " (" + e + "); using the library's own threads");
            return Optional.empty();
        }
    }
}
