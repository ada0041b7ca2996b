package cx.wonderful.demo;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.chat.ChatEvent;
import cx.wonderful.microprofile.chat.ChatEventListener;
import cx.wonderful.microprofile.chat.ChatSession;
import cx.wonderful.microprofile.chat.ChatStatus;
import cx.wonderful.microprofile.chat.ConnectionState;
import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One signed-in user's chat as the relay keeps it: the library's {@link ChatSession}, every event it reported
 * (numbered, kept for the session's life) and the browsers' open event streams. A stream that (re)subscribes with
 * the last id it saw gets exactly the events after it, so a broken browser connection loses nothing. Each event's
 * id is an {@link EventCursor}: with it, another instance of the demo takes the chat over.
 */
final class Conversation {

    private static final Logger LOG = Logger.getLogger(Conversation.class.getName());

    private final Object startLock = new Object();
    /** Guards {@link #events} and {@link #sinks}: numbering, replay and broadcast happen in one order. */
    private final Object eventLock = new Object();
    private final List<Relayed> events = new ArrayList<>();
    /** The sequence number of the event before the first one of this relay (0, or where a takeover starts). */
    private final long sequenceBase;
    private volatile String sessionId;
    private String lastMessageId;
    private final List<Subscriber> sinks = new ArrayList<>();
    private volatile ChatSession session;

    Conversation() {
        this(0);
    }

    /** A conversation whose events are numbered after {@code sequenceBase} (a takeover continues the numbering). */
    Conversation(long sequenceBase) {
        this.sequenceBase = sequenceBase;
    }

    /** An event as relayed, with the last message id at that point (the resume point of its cursor). */
    private record Relayed(RelayedEvent event, String lastMessageId) {
    }

    Optional<ChatSession> session() {
        return Optional.ofNullable(session);
    }

    /**
     * Starts the chat unless it has started: {@code starter} gets this conversation's listener and returns the
     * session. One start at a time; events delivered meanwhile are recorded under another lock. A start that throws
     * leaves the conversation unstarted, so the next call tries again.
     */
    ChatSession startIfNeeded(Function<ChatEventListener, ChatSession> starter) {
        synchronized (startLock) {
            if (session == null) {
                session = Objects.requireNonNull(starter.apply(this::onEvent), "the started session");
                sessionId = session.sessionId();
            }
            return session;
        }
    }

    /** Whether this conversation is over and a new chat needs a new one. */
    boolean ended() {
        ChatSession current = session;
        return current != null && current.status() == ChatStatus.ENDED;
    }

    /**
     * Whether this conversation cannot go on and a new chat needs a new one: it ended, or its real-time connection
     * gave up (reconnecting failed, or the server no longer knows the session), so no answer can reach the page.
     */
    boolean over() {
        ChatSession current = session;
        return current != null && (current.status() == ChatStatus.ENDED
                || current.connectionState() == ConnectionState.DISCONNECTED);
    }

    /**
     * Sends the user's text; refused at once, with nothing sent, when the connection gave up: the server might
     * accept it, but its answer could never be shown, so the page must report it as not delivered.
     */
    CompletionStage<Void> send(String text) {
        ChatSession current = session().orElseThrow();
        if (current.connectionState() == ConnectionState.DISCONNECTED) {
            return CompletableFuture.failedFuture(new WonderfulException(ErrorCode.CONNECTION_LOST,
                    "the chat's connection was lost and reconnecting gave up; start a new chat (the message was not sent)"));
        }
        return current.send(text);
    }

    /** The library's listener: records the event and pushes it to every open stream, in the session's order. */
    private void onEvent(ChatEvent event) {
        synchronized (eventLock) {
            if (event instanceof ChatEvent.Connected connected) {
                sessionId = connected.sessionId();
            } else if (event instanceof ChatEvent.Message message && message.id() != null) {
                lastMessageId = message.id();
            }
            Relayed relayed = new Relayed(RelayedEvent.of(sequenceBase + events.size() + 1L, event), lastMessageId);
            events.add(relayed);
            sinks.removeIf(subscriber -> !subscriber.push(relayed.event(), cursorOf(relayed)));
            if (event instanceof ChatEvent.Ended) {
                sinks.forEach(Subscriber::close);
                sinks.clear();
            }
        }
    }

    /**
     * Replays the events after {@code lastEventId} to a new stream, then a {@code state} snapshot (no id), then
     * keeps it for the events to come; a stream of an ended conversation is closed after the replay.
     */
    void subscribe(SseEventSink sink, Sse sse, long lastEventId) {
        Subscriber subscriber = new Subscriber(sink, sse);
        synchronized (eventLock) {
            for (Relayed relayed : events) {
                if (relayed.event().id() > lastEventId && !subscriber.push(relayed.event(), cursorOf(relayed))) {
                    return;
                }
            }
            if (!subscriber.pushState(connectionState())) {
                return;
            }
            if (ended()) {
                subscriber.close();
            } else {
                sinks.add(subscriber);
            }
        }
    }

    /** Whether this conversation relays session {@code id}. */
    boolean relays(String id) {
        return id.equals(sessionId);
    }

    private String cursorOf(Relayed relayed) {
        return new EventCursor(relayed.event().id(), sessionId, relayed.lastMessageId()).format();
    }

    /** Closes every open stream (application shutdown). */
    void closeStreams() {
        synchronized (eventLock) {
            sinks.forEach(Subscriber::close);
            sinks.clear();
        }
    }

    /**
     * Lets the conversation go without ending the chat (a replaced conversation, application shutdown): closes the
     * streams and the session's connection. Local only, so it is quick: no request to the API.
     */
    void close() {
        closeStreams();
        session().ifPresent(ChatSession::close);
    }

    /** The page's name for the connection state: connecting, connected, reconnecting, disconnected or ended. */
    String connectionState() {
        ChatSession current = session;
        if (current == null) {
            return "connecting";
        }
        ConnectionState state = current.connectionState();
        return state == ConnectionState.CLOSED ? "ended" : state.name().toLowerCase(Locale.ROOT);
    }

    /** One browser's event stream. */
    private static final class Subscriber {

        private final SseEventSink sink;
        private final Sse sse;

        Subscriber(SseEventSink sink, Sse sse) {
            this.sink = Objects.requireNonNull(sink, "sink");
            this.sse = Objects.requireNonNull(sse, "sse");
        }

        /** Sends one event; false when the stream is gone (the browser reconnects with Last-Event-ID). */
        boolean push(RelayedEvent event, String cursor) {
            return send(sse.newEventBuilder().id(cursor).name(event.name())
                    .mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class, event.data().toString()).build());
        }

        boolean pushState(String connectionState) {
            String data = Json.createObjectBuilder().add("connectionState", connectionState).build().toString();
            return send(sse.newEventBuilder().name("state").mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class, data).build());
        }

        private boolean send(OutboundSseEvent event) {
            if (sink.isClosed()) {
                return false;
            }
            try {
                sink.send(event).whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        LOG.log(Level.FINE, "an event stream closed while sending", failure);
                        close();
                    }
                });
                return true;
            } catch (IllegalStateException e) {
                return false;
            }
        }

        void close() {
            try {
                sink.close();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "closing an event stream failed", e);
            }
        }
    }
}
