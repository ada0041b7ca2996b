package cx.wonderful.it.bench;

import java.util.Arrays;

/** Measured durations in nanoseconds, and their order statistics (nearest rank). Thread-safe. */
final class Samples {

    private long[] values = new long[16];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized void addAll(Samples other) {
        long[] theirs = other.sorted();
        for (long value : theirs) {
            add(value);
        }
    }

    synchronized int count() {
        return size;
    }

    /** The {@code p}-th percentile (0 < p <= 100) by nearest rank. */
    long percentile(double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("p must be in (0, 100]: " + p);
        }
        long[] sorted = sorted();
        if (sorted.length == 0) {
            throw new IllegalStateException("no samples");
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    long median() {
        return percentile(50);
    }

    synchronized long[] sorted() {
        long[] copy = Arrays.copyOf(values, size);
        Arrays.sort(copy);
        return copy;
    }
}
