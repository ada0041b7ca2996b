package cx.wonderful.microprofile.internal.chat;

import cx.wonderful.microprofile.chat.ChatEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a session taken over from another instance still owes its listener: the messages after the last one the
 * user saw ({@code lastSeenId}). The socket resumes after that message, so the server replays exactly those; they
 * are in the history already (the transcript does not take them twice), yet are delivered as events once each.
 * When the history carries transcript ids (the contract does not promise it) and names {@code lastSeenId}, the
 * messages up to it are known as seen and never delivered, even by a server that replays more.
 *
 * <p>When the history does not name {@code lastSeenId} (the contract's history carries no transcript ids), the
 * socket resumes from the start instead: the server replays the whole conversation, with its transcript ids, and
 * what comes after {@code lastSeenId} in that replay is owed. The transcript recognises the replay as the history
 * it already holds ({@link TranscriptLedger}), so nothing is doubled; a replay that never names {@code lastSeenId}
 * owes nothing (nothing is delivered twice, at the cost of what cannot be located). Thread-safe.
 */
final class ReplayWindow {

    private static final ReplayWindow NONE = new ReplayWindow(null, true, Set.of(), List.of());

    private final String lastSeenId;
    /** Whether the history names {@code lastSeenId}; if not, it is looked for in the socket's replay. */
    private final boolean locatedInHistory;
    private final Set<String> seenByUser;
    private final List<ChatEvent.Message> afterLastSeen;
    private final Set<String> delivered = new HashSet<>();
    private boolean passedInReplay;

    private ReplayWindow(String lastSeenId, boolean locatedInHistory, Set<String> seenByUser,
            List<ChatEvent.Message> afterLastSeen) {
        this.lastSeenId = lastSeenId;
        this.locatedInHistory = locatedInHistory;
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
                return new ReplayWindow(lastSeenId, true, seen, List.copyOf(history.subList(i + 1, history.size())));
            }
        }
        return new ReplayWindow(lastSeenId, false, Set.of(), List.of());
    }

    /**
     * Where the first handshake resumes: after the last message seen when the history names it; otherwise empty
     * (from the start, or after the transcript's last id), so that the replay shows where the user stopped.
     */
    Optional<String> lastSeenId() {
        return locatedInHistory ? Optional.ofNullable(lastSeenId) : Optional.empty();
    }

    /**
     * Whether {@code replayed}, a message the transcript already holds, is owed to the listener: true once for each
     * message after the last seen one.
     */
    synchronized boolean owed(ChatEvent.Message replayed) {
        String id = replayed.id();
        if (lastSeenId == null || id == null) {
            return false;
        }
        if (!locatedInHistory && !passedInReplay) {
            passedInReplay = lastSeenId.equals(id);
            return false;
        }
        return !seenByUser.contains(id) && delivered.add(id);
    }

    /**
     * For an ended session (no socket to replay): the history's messages after the last seen one, when the history
     * names it; none otherwise (nothing is delivered twice, at the cost of what cannot be located).
     */
    synchronized List<ChatEvent.Message> owedFromHistory() {
        return afterLastSeen.stream().filter(m -> m.id() == null || delivered.add(m.id())).toList();
    }
}
