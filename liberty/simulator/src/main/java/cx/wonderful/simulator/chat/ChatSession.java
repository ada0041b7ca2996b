package cx.wonderful.simulator.chat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * One chat (= one communication), shared by the REST and WebSocket endpoints. Its history only grows; every
 * change happens under the session's lock and is handed to the attached sockets in order, and wakes long polls.
 */
public final class ChatSession {

    private final String id;
    private final String tenantId;
    private final String owner;
    private final String agentId;
    private final Instant startTime;
    private final Clock clock;
    private final ScriptedAgent agent;
    private final List<ChatEvent> events = new ArrayList<>();
    private final Set<SessionListener> listeners = new CopyOnWriteArraySet<>();
    private Participants participants;
    private JsonObject metadata;
    private int transcriptCount;
    private EndedBy endedBy;
    private Instant endTime;

    public ChatSession(String id, String tenantId, String agentId, Participants participants, JsonObject metadata,
            Clock clock, ScriptedAgent agent) {
        this(id, tenantId, null, agentId, participants, metadata, clock, agent);
    }

    /** @param owner the end user (JWT {@code sub}) who created it; null when the tenant's API key did */
    public ChatSession(String id, String tenantId, String owner, String agentId, Participants participants,
            JsonObject metadata, Clock clock, ScriptedAgent agent) {
        this.id = Objects.requireNonNull(id, "id");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.owner = owner;
        this.agentId = Objects.requireNonNull(agentId, "agentId");
        this.participants = Objects.requireNonNull(participants, "participants");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.agent = Objects.requireNonNull(agent, "agent");
        this.startTime = clock.instant();
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    /** The end user who created the session, or null when the tenant's API key did. */
    public String owner() {
        return owner;
    }

    public String agentId() {
        return agentId;
    }

    public Instant startTime() {
        return startTime;
    }

    public synchronized Participants participants() {
        return participants;
    }

    public synchronized JsonObject metadata() {
        return metadata;
    }

    public synchronized boolean isEnded() {
        return endedBy != null;
    }

    public synchronized Optional<EndedBy> endedBy() {
        return Optional.ofNullable(endedBy);
    }

    public synchronized Optional<Instant> endTime() {
        return Optional.ofNullable(endTime);
    }

    /**
     * A customer text: recorded as a {@code customer} transcript, answered at once by the scripted agent, then the
     * turn ends; a farewell makes the agent end the chat.
     *
     * @throws SessionEndedException when the chat has ended
     */
    public synchronized void customerText(String text) {
        Objects.requireNonNull(text, "text");
        requireActive();
        append(transcript(Speaker.CUSTOMER, text));
        ScriptedAgent.Reply reply = agent.reply(text);
        append(transcript(Speaker.AGENT, reply.text()));
        append(new ChatEvent(ChatEvent.Kind.TURN_ENDED, events.size(), null, null, null, clock.instant(), "user",
                null));
        if (reply.endsChat()) {
            finish(EndedBy.AGENT);
        }
    }

    /**
     * Ends the chat.
     *
     * @throws SessionEndedException when it has already ended
     */
    public synchronized void end(EndedBy by) {
        Objects.requireNonNull(by, "by");
        requireActive();
        finish(by);
    }

    /** Ends the chat unless it has ended already; returns whether it did. */
    public synchronized boolean endIfActive(EndedBy by) {
        if (endedBy != null) {
            return false;
        }
        finish(by);
        return true;
    }

    /**
     * Merges {@code update} into the metadata (its keys win).
     *
     * @throws SessionEndedException when the chat has ended
     */
    public synchronized void updateMetadata(JsonObject update) {
        Objects.requireNonNull(update, "update");
        requireActive();
        JsonObjectBuilder merged = Json.createObjectBuilder(metadata);
        update.forEach(merged::add);
        metadata = merged.build();
    }

    /** Stores what a WebSocket client sent in its {@code init} message: participants and metadata. */
    public synchronized void init(Participants newParticipants, JsonObject initMetadata) {
        Objects.requireNonNull(newParticipants, "newParticipants");
        Objects.requireNonNull(initMetadata, "initMetadata");
        participants = newParticipants;
        JsonObjectBuilder merged = Json.createObjectBuilder(metadata);
        initMetadata.forEach(merged::add);
        metadata = merged.build();
    }

    /** The number of events so far. */
    public synchronized int eventCount() {
        return events.size();
    }

    /** Up to {@code limit} events starting at {@code from}. */
    public synchronized List<ChatEvent> events(int from, int limit) {
        if (from < 0 || limit < 0) {
            throw new IllegalArgumentException("from and limit must not be negative");
        }
        int start = Math.min(from, events.size());
        return List.copyOf(events.subList(start, Math.min(events.size(), start + limit)));
    }

    /** Every transcript (text event), in order. */
    public synchronized List<ChatEvent> transcripts() {
        return events.stream().filter(e -> e.kind() == ChatEvent.Kind.TEXT).toList();
    }

    /**
     * The transcripts after the one with id {@code afterId} (all of them when null), or empty when no transcript
     * has that id.
     */
    public synchronized Optional<List<ChatEvent>> transcriptsAfter(String afterId) {
        List<ChatEvent> transcripts = transcripts();
        if (afterId == null) {
            return Optional.of(transcripts);
        }
        for (int i = 0; i < transcripts.size(); i++) {
            if (transcripts.get(i).transcriptId().equals(afterId)) {
                return Optional.of(List.copyOf(transcripts.subList(i + 1, transcripts.size())));
            }
        }
        return Optional.empty();
    }

    /**
     * What came after the transcript with id {@code afterId} (everything when null): its transcripts and
     * {@code turn_ended} markers, in order, without the end event; empty when no transcript has that id. A resumed
     * socket gets exactly what a socket attached all along would have got.
     */
    private Optional<List<ChatEvent>> eventsAfter(String afterId) {
        int from = 0;
        if (afterId != null) {
            Optional<ChatEvent> seen = events.stream()
                    .filter(e -> e.kind() == ChatEvent.Kind.TEXT && e.transcriptId().equals(afterId)).findFirst();
            if (seen.isEmpty()) {
                return Optional.empty();
            }
            from = events.indexOf(seen.get()) + 1;
        }
        return Optional.of(events.subList(from, events.size()).stream()
                .filter(e -> e.kind() != ChatEvent.Kind.ENDED).toList());
    }

    /**
     * Waits until there is an event at index {@code from} or later, the chat has ended, or the timeout passed.
     * Returns at once when one of them already holds.
     */
    public synchronized void awaitEvents(int from, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (events.size() <= from && endedBy == null) {
            long remainingMillis = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
            if (remainingMillis <= 0) {
                return;
            }
            wait(remainingMillis);
        }
    }

    /**
     * Attaches a socket and hands it, under the lock so that no event falls in between, its greeting, every
     * transcript and turn marker after the transcript with id {@code afterId} (all of them when null), then the end
     * event when the chat has ended.
     *
     * @return false (greeted, nothing attached) when no transcript has id {@code afterId}
     */
    public synchronized boolean attach(SessionListener listener, String afterId) {
        Objects.requireNonNull(listener, "listener");
        Optional<List<ChatEvent>> replay = eventsAfter(afterId);
        if (replay.isEmpty()) {
            listener.greet();
            return false;
        }
        if (endedBy == null) {
            listeners.add(listener);
        }
        listener.greet();
        replay.get().forEach(listener::onEvent);
        if (endedBy != null) {
            listener.onEvent(events.get(events.size() - 1));
        }
        return true;
    }

    public void detach(SessionListener listener) {
        listeners.remove(listener);
    }

    /** The sockets attached now. */
    public synchronized Set<SessionListener> listeners() {
        return Set.copyOf(listeners);
    }

    private ChatEvent transcript(Speaker speaker, String text) {
        transcriptCount++;
        return new ChatEvent(ChatEvent.Kind.TEXT, events.size(), String.format("%s-t%06d", id, transcriptCount),
                speaker, text, clock.instant(), null, null);
    }

    private void finish(EndedBy by) {
        endedBy = by;
        endTime = clock.instant();
        append(new ChatEvent(ChatEvent.Kind.ENDED, events.size(), null, null, null, endTime, null, by));
        listeners.clear();
    }

    private void append(ChatEvent event) {
        events.add(event);
        for (SessionListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                // a broken socket must not stop the chat: it is detached, and a resume replays what it missed
                listeners.remove(listener);
            }
        }
        notifyAll();
    }

    private void requireActive() {
        if (endedBy != null) {
            throw new SessionEndedException(id);
        }
    }
}
