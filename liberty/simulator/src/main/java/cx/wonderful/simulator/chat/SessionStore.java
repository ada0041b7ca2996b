package cx.wonderful.simulator.chat;

import jakarta.json.JsonObject;
import java.time.Clock;
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
        ChatSession session = new ChatSession(UUID.randomUUID().toString(), tenantId, agentId, participants,
                metadata, clock, agent);
        sessions.put(session.id(), session);
        return session;
    }

    /** The session with this id, if it belongs to the tenant (another tenant's session does not exist for it). */
    public Optional<ChatSession> find(String tenantId, String sessionId) {
        return find(sessionId).filter(s -> s.tenantId().equals(tenantId));
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
