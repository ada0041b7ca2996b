package cx.wonderful.it.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * What one chat client (the library's listener or the raw baseline socket) received: the transcript ids in arrival
 * order, the delivery latency of each {@code emit} transcript (its server send stamp, {@link System#nanoTime()} in
 * the same JVM, to the moment the client has it parsed), and when each reconnection opened.
 */
final class Deliveries {

    private static final String EMIT_PREFIX = "emit ";

    private final List<String> ids = new ArrayList<>();
    private final List<Long> reconnects = new ArrayList<>();
    private final Samples latency = new Samples();
    private long lastAt;

    /** One transcript, received at {@code now} ({@link System#nanoTime()}). */
    synchronized void transcript(String id, String speaker, String text, long now) {
        ids.add(id);
        lastAt = now;
        if ("customer".equalsIgnoreCase(speaker) && text.startsWith(EMIT_PREFIX)) {
            latency.add(now - Long.parseLong(text.substring(text.lastIndexOf(' ') + 1)));
        }
        notifyAll();
    }

    /** The connection opened again at {@code now}. */
    synchronized void reconnected(long now) {
        reconnects.add(now);
        notifyAll();
    }

    synchronized void awaitTranscripts(int count, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ids.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("received " + ids.size() + " of " + count + " transcripts within " + timeout);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Waits for reconnection number {@code count} (1-based) and returns when it opened. */
    synchronized long awaitReconnect(int count, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (reconnects.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("saw " + reconnects.size() + " of " + count + " reconnections within " + timeout);
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return reconnects.get(count - 1);
    }

    synchronized int count() {
        return ids.size();
    }

    synchronized String lastId() {
        return ids.isEmpty() ? null : ids.get(ids.size() - 1);
    }

    /** When the last transcript arrived ({@link System#nanoTime()}). */
    synchronized long lastAt() {
        return lastAt;
    }

    /** Transcripts received more than once. */
    synchronized int duplicates() {
        return ids.size() - new HashSet<>(ids).size();
    }

    /** How many of {@code expected} never arrived. */
    synchronized int missing(List<String> expected) {
        HashSet<String> seen = new HashSet<>(ids);
        return (int) expected.stream().filter(id -> !seen.contains(id)).count();
    }

    /** Whether the transcripts arrived in the server's order (ids are ordered per session). */
    synchronized boolean inOrder() {
        for (int i = 1; i < ids.size(); i++) {
            if (ids.get(i - 1).compareTo(ids.get(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    Samples latency() {
        return latency;
    }
}
