package cx.wonderful.it.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import javax.management.JMException;
import javax.management.ObjectName;

/** Timing loops and heap readings shared by the benchmarks. */
final class Measure {

    private Measure() {
    }

    /** An operation that is timed; it may throw. */
    @FunctionalInterface
    interface Call {
        void run() throws Exception;
    }

    /**
     * Runs {@code library} and {@code baseline} alternately, {@code warmup + rounds} times each, switching which
     * goes first on every round (so neither always runs on a cache warmed by the other), and records the
     * durations after the warm-up.
     */
    static void alternating(int warmup, int rounds, Call library, Call baseline, Samples libraryTimes, Samples baselineTimes)
            throws Exception {
        rotating(warmup, rounds, List.of(library, baseline), List.of(libraryTimes, baselineTimes));
    }

    /** {@link #alternating} for any number of calls: each round runs them all, starting one further along each time. */
    static void rotating(int warmup, int rounds, List<Call> calls, List<Samples> times) throws Exception {
        if (calls.size() != times.size()) {
            throw new IllegalArgumentException("one Samples per call");
        }
        int n = calls.size();
        for (int i = 0; i < warmup + rounds; i++) {
            boolean record = i >= warmup;
            for (int k = 0; k < n; k++) {
                int which = (i + k) % n;
                time(calls.get(which), record ? times.get(which) : null);
            }
        }
    }

    private static void time(Call call, Samples into) throws Exception {
        long start = System.nanoTime();
        call.run();
        long took = System.nanoTime() - start;
        if (into != null) {
            into.add(took);
        }
    }

    /** CPU time of this whole JVM so far (every thread, GC and JIT included), in nanoseconds; -1 where unknown. */
    static long processCpu() {
        return operatingSystemAttribute("ProcessCpuTime");
    }

    /** Files (sockets included) this JVM has open now; -1 where unknown. */
    static long openFileDescriptors() {
        return operatingSystemAttribute("OpenFileDescriptorCount");
    }

    /** The most files this JVM may open (its soft limit, which HotSpot raises to the hard one at start); -1 where unknown. */
    static long maxFileDescriptors() {
        return operatingSystemAttribute("MaxFileDescriptorCount");
    }

    /** An attribute of the platform's OperatingSystem MXBean, read through the MBean server (no com.sun.management types). */
    private static long operatingSystemAttribute(String name) {
        try {
            Object value = ManagementFactory.getPlatformMBeanServer().getAttribute(
                    new ObjectName(ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME), name);
            return value instanceof Number n ? n.longValue() : -1;
        } catch (JMException e) {
            return -1;
        }
    }

    /** Heap in use after full collections (several, until it stops shrinking), in bytes. */
    static long heapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            long used = memory.getHeapMemoryUsage().getUsed();
            if (used >= previous - 64 * 1024) {
                return Math.min(used, previous);
            }
            previous = used;
        }
        return previous;
    }
}
