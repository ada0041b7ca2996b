package cx.wonderful.microprofile.chat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A session's conversation and its resume point: the messages in arrival order, none twice. A message with an id
 * is a duplicate when that id was seen; a message the server sent without an id (history from an API that gives
 * none) is remembered by speaker, time and text, so that its replay over the socket is recognised once. The last
 * id seen is what a reconnect asks to resume {@code after}. Thread-safe.
 */
final class TranscriptLedger {

    private final List<ChatEvent.Message> messages = new ArrayList<>();
    private final Set<String> seenIds = new HashSet<>();
    private final Map<String, Integer> idlessContent = new HashMap<>();
    private String lastId;

    /** Records {@code message} and returns true, or returns false when it was already recorded. */
    synchronized boolean accept(ChatEvent.Message message) {
        if (message.id() != null) {
            if (!seenIds.add(message.id())) {
                return false;
            }
            if (consumeIdless(contentKey(message))) {
                lastId = message.id();
                return false;
            }
            lastId = message.id();
        } else {
            idlessContent.merge(contentKey(message), 1, Integer::sum);
        }
        messages.add(message);
        return true;
    }

    /** The id of the last message received that had one: where a reconnect resumes. */
    synchronized Optional<String> lastId() {
        return Optional.ofNullable(lastId);
    }

    synchronized List<ChatEvent.Message> snapshot() {
        return List.copyOf(messages);
    }

    private boolean consumeIdless(String key) {
        Integer count = idlessContent.get(key);
        if (count == null) {
            return false;
        }
        if (count == 1) {
            idlessContent.remove(key);
        } else {
            idlessContent.put(key, count - 1);
        }
        return true;
    }

    private static String contentKey(ChatEvent.Message message) {
        Instant at = message.createdAt();
        return message.speaker() + "|" + (at == null ? "" : at.toEpochMilli()) + "|" + message.text();
    }
}
