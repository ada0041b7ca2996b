package cx.wonderful.simulator.chat;

import jakarta.json.JsonObject;
import java.time.Clock;
import cx.wonderful.simulator.auth.Caller;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The one store of chat sessions behind both the Chat V3 REST endpoints and the agent chat WebSocket. */
public final class SessionStore {

    private final Map<String, ChatSession> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final ScriptedAgent agent;

    public SessionStore(Clock clock, ScriptedAgent agent) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.agent = Objects.requireNonNull(agent, "agent");
    }

    /** Starts a chat with a fresh UUID as its session (= communication) id. */
    public ChatSession create(String tenantId, String agentId, Participants participants, JsonObject metadata) {
        return create(tenantId, null, agentId, participants, metadata);
    }

    /** Starts a chat of the caller: the tenant's, owned by the end user when the caller is one. */
    public ChatSession create(Caller caller, String agentId, Participants participants, JsonObject metadata) {
        return create(caller.tenantId(), caller.subject(), agentId, participants, metadata);
    }

    private ChatSession create(String tenantId, String owner, String agentId, Participants participants,
            JsonObject metadata) {
        ChatSession session = new ChatSession(UUID.randomUUID().toString(), tenantId, owner, agentId, participants,
                metadata, clock, agent);
        sessions.put(session.id(), session);
        return session;
    }

    /** The session with this id, if it belongs to the tenant (another tenant's session does not exist for it). */
    public Optional<ChatSession> find(String tenantId, String sessionId) {
        return find(sessionId).filter(s -> s.tenantId().equals(tenantId));
    }

    /**
     * The session with this id if the caller may see it (CHOSEN, SIMULATOR.md "Who sees what"): a caller with a
     * subject (an end user's JWT or token) sees the sessions it created only; the API key sees all of its tenant's.
     */
    public Optional<ChatSession> find(Caller caller, String sessionId) {
        return find(caller.tenantId(), sessionId).filter(s -> visibleTo(caller, s));
    }

    /** The sessions the caller may see, oldest first. */
    public List<ChatSession> of(Caller caller) {
        return ofTenant(caller.tenantId()).stream().filter(s -> visibleTo(caller, s)).toList();
    }

    private static boolean visibleTo(Caller caller, ChatSession session) {
        return caller.subject() == null || caller.subject().equals(session.owner());
    }

    /** The session with this id, whatever its tenant (admin API). */
    public Optional<ChatSession> find(String sessionId) {
        return sessionId == null ? Optional.empty() : Optional.ofNullable(sessions.get(sessionId));
    }

    /** The tenant's sessions, oldest first. */
    public List<ChatSession> ofTenant(String tenantId) {
        return sessions.values().stream().filter(s -> s.tenantId().equals(tenantId))
                .sorted(Comparator.comparing(ChatSession::startTime).thenComparing(ChatSession::id)).toList();
    }

    /** Ends every open chat ({@code ended_by: system}, so attached sockets close normally) and forgets them all. */
    public void reset() {
        for (ChatSession session : List.copyOf(sessions.values())) {
            session.endIfActive(EndedBy.SYSTEM);
        }
        sessions.clear();
    }
}
