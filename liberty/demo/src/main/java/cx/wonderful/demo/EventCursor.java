package cx.wonderful.demo;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where a browser's event stream stands, carried as its SSE {@code id} and sent back as {@code Last-Event-ID}:
 * {@code <sequence>:<session id>:<id of the last chat message relayed>} (the two ids URL-encoded). The sequence
 * orders the events of one relay; the session id and the last message let any instance of the demo take the chat
 * over ({@code WonderfulChat.recover(sessionId, lastMessageId, listener)}) when the browser reconnects to another
 * node, so that the user misses nothing and sees nothing twice. A plain number (the sequence alone) is accepted too.
 */
record EventCursor(long sequence, String sessionId, String lastMessageId) {

    static final EventCursor START = new EventCursor(0, null, null);

    EventCursor {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative: " + sequence);
        }
    }

    /** The header's cursor; {@link #START} when there is none; empty when it is not one of ours. */
    static Optional<EventCursor> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.of(START);
        }
        String[] parts = header.trim().split(":", -1);
        if (parts.length != 1 && parts.length != 3) {
            return Optional.empty();
        }
        try {
            long sequence = Long.parseLong(parts[0]);
            if (sequence < 0) {
                return Optional.empty();
            }
            if (parts.length == 1) {
                return Optional.of(new EventCursor(sequence, null, null));
            }
            return Optional.of(new EventCursor(sequence, decode(parts[1]), decode(parts[2])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    String format() {
        return sequence + ":" + encode(sessionId) + ":" + encode(lastMessageId);
    }

    Optional<String> session() {
        return Optional.ofNullable(sessionId);
    }

    private static String encode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return value.isEmpty() ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
