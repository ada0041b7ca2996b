package cx.wonderful.simulator.journal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The requests and handshakes seen since the last reset, oldest first, capped so a long run cannot exhaust memory. */
public final class Journal {

    private final int capacity;
    private final Deque<JournalEntry> entries = new ArrayDeque<>();
    private long nextSeq = 1;

    public Journal(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    /** Appends an entry, dropping the oldest one when full; returns it. */
    public synchronized JournalEntry record(Instant time, String method, String path, String query,
            boolean webSocket, String credentialKind, String credential, int status) {
        return record(time, method, path, query, webSocket, credentialKind, credential, status, null);
    }

    /** {@link #record} with the subject ({@code sub}) of the accepted credential. */
    public synchronized JournalEntry record(Instant time, String method, String path, String query,
            boolean webSocket, String credentialKind, String credential, int status, String subject) {
        JournalEntry entry = new JournalEntry(nextSeq++, time, method, path, query, webSocket, credentialKind,
                credential, status, subject);
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(entry);
        return entry;
    }

    /** The entries whose path starts with {@code pathPrefix} (all when null or empty), oldest first. */
    public synchronized List<JournalEntry> entries(String pathPrefix) {
        return entries.stream()
                .filter(e -> pathPrefix == null || pathPrefix.isEmpty() || e.path().startsWith(pathPrefix))
                .toList();
    }

    /** Empties the journal; numbering starts again at 1. */
    public synchronized void clear() {
        entries.clear();
        nextSeq = 1;
    }
}
