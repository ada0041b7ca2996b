package cx.wonderful.microprofile.internal.chat;

import cx.wonderful.microprofile.chat.ChatEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A session's conversation and its resume point: the messages in arrival order, none twice.
 *
 * <p>A message with an id is a duplicate when that id was seen. History read over REST may carry no ids (the
 * contract names none for Chat V3 events); the socket, resumed with no id to resume {@code after}, then replays the
 * conversation from its start. That replay is recognised by position, on what both channels carry: the n-th
 * transcript of the replay is the n-th history message when speaker and text agree (times are not compared: the
 * socket may send them in another precision or format). The first transcript that does not agree ends the
 * recognition, and it and everything after it are new messages: a divergent server may then show a message twice,
 * but never loses one. The last id seen is what a reconnect asks to resume {@code after}. Thread-safe.
 */
final class TranscriptLedger {

    private final List<ChatEvent.Message> messages = new ArrayList<>();
    private final Set<String> seenIds = new HashSet<>();
    /** Messages recorded without an id, in order: what a replay from the start reproduces first. */
    private final List<ChatEvent.Message> withoutId = new ArrayList<>();
    private int replayed;
    private boolean replayOver;
    private String lastId;

    /** Records {@code message} and returns true, or returns false when it was already recorded. */
    synchronized boolean accept(ChatEvent.Message message) {
        if (message.id() == null) {
            withoutId.add(message);
            messages.add(message);
            return true;
        }
        if (!seenIds.add(message.id())) {
            return false;
        }
        lastId = message.id();
        if (!replayOver && replayed < withoutId.size()) {
            if (sameMessage(withoutId.get(replayed), message)) {
                replayed++;
                return false;
            }
        }
        replayOver = true;
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

    private static boolean sameMessage(ChatEvent.Message history, ChatEvent.Message live) {
        return history.speaker() == live.speaker() && Objects.equals(history.text(), live.text());
    }
}
