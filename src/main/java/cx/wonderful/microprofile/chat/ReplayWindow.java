package cx.wonderful.microprofile.chat;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a session taken over from another instance still owes its listener: the messages after the last one the
 * user saw ({@code lastSeenId}). The socket resumes after that message, so the server replays exactly those; they
 * are in the history already (the transcript does not take them twice), yet are delivered as events once each.
 * When the history carries transcript ids (the contract does not promise it) and names {@code lastSeenId}, the
 * messages up to it are known as seen and never delivered, even by a server that replays more. Thread-safe.
 */
final class ReplayWindow {

    private static final ReplayWindow NONE = new ReplayWindow(null, Set.of(), List.of());

    private final String lastSeenId;
    private final Set<String> seenByUser;
    private final List<ChatEvent.Message> afterLastSeen;
    private final Set<String> delivered = new HashSet<>();

    private ReplayWindow(String lastSeenId, Set<String> seenByUser, List<ChatEvent.Message> afterLastSeen) {
        this.lastSeenId = lastSeenId;
        this.seenByUser = seenByUser;
        this.afterLastSeen = afterLastSeen;
    }

    /** A session that owes nothing: a new one, or one recovered without a last seen message. */
    static ReplayWindow none() {
        return NONE;
    }

    /** A session whose user last saw message {@code lastSeenId} of {@code history}. */
    static ReplayWindow after(String lastSeenId, List<ChatEvent.Message> history) {
        if (lastSeenId == null) {
            return NONE;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < history.size(); i++) {
            ChatEvent.Message message = history.get(i);
            if (lastSeenId.equals(message.id())) {
                history.subList(0, i + 1).forEach(m -> seen.add(m.id()));
                return new ReplayWindow(lastSeenId, seen, List.copyOf(history.subList(i + 1, history.size())));
            }
        }
        return new ReplayWindow(lastSeenId, Set.of(), List.of());
    }

    /** Where the first handshake resumes: after the last message seen, if any. */
    Optional<String> lastSeenId() {
        return Optional.ofNullable(lastSeenId);
    }

    /**
     * Whether {@code replayed}, a message the transcript already holds, is owed to the listener: true once for each
     * message after the last seen one.
     */
    synchronized boolean owed(ChatEvent.Message replayed) {
        String id = replayed.id();
        return lastSeenId != null && id != null && !seenByUser.contains(id) && delivered.add(id);
    }

    /**
     * For an ended session (no socket to replay): the history's messages after the last seen one, when the history
     * names it; none otherwise (nothing is delivered twice, at the cost of what cannot be located).
     */
    synchronized List<ChatEvent.Message> owedFromHistory() {
        return afterLastSeen.stream().filter(m -> m.id() == null || delivered.add(m.id())).toList();
    }
}
