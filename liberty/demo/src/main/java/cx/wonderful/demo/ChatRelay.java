package cx.wonderful.demo;

import cx.wonderful.microprofile.auth.Identity;
import cx.wonderful.microprofile.chat.ChatSession;
import cx.wonderful.microprofile.chat.ParticipantType;
import cx.wonderful.microprofile.chat.StartChat;
import cx.wonderful.microprofile.chat.WonderfulChat;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The backend half of the chat: one {@link ChatSession} per signed-in user, started with the library's
 * {@link WonderfulChat} and relayed to the user's browser ({@link Conversation}). A user who starts a chat while one
 * is in progress gets the same one back (a second tab, a reload); after it ended or its connection gave up for good
 * (the server may have forgotten it), a new one.
 */
@ApplicationScoped
public class ChatRelay {

    private static final Logger LOG = Logger.getLogger(ChatRelay.class.getName());

    /**
     * How long one event stream stays open before the relay closes it; the page opens the next one at once with
     * Last-Event-ID, so nothing is lost. Liberty's stop first waits for every open request (its quiesce: up to
     * 30 s, then CWWKE1102W) and stops the applications only after that, so closing the streams in
     * {@link #shutdown()} would come too late: a short stream life is what keeps a stop quick while pages are open.
     */
    static final Duration STREAM_LIFETIME = Duration.ofSeconds(5);
    private static final String MANAGED_SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";

    private final ConcurrentMap<String, Conversation> conversations = new ConcurrentHashMap<>();
    /** The runtime's managed scheduler when it has one (Jakarta Concurrency), else a thread of this bean's own. */
    private ScheduledExecutorService timer;
    private boolean ownTimer;

    @Inject
    WonderfulChat chat;

    /**
     * The user's conversation, started if it has no session yet (or a new one if the last one is over).
     *
     * @throws cx.wonderful.microprofile.WonderfulException when the chat cannot be started (nothing is kept then,
     *         and the next call tries again)
     */
    Conversation start(EndUser user) {
        Conversation conversation = conversations.compute(user.name(),
                (name, existing) -> existing == null || existing.over() ? replace(existing) : existing);
        // The chat runs as the user, with their own JWT (the library signs and refreshes it), never the API key.
        conversation.startIfNeeded(listener -> chat.as(Identity.endUser(user.entityId())).start(startFor(user), listener));
        return conversation;
    }

    private static Conversation replace(Conversation over) {
        if (over != null) {
            over.close();
        }
        return new Conversation();
    }

    /** The user's conversation, if it has started one. */
    Optional<Conversation> find(EndUser user) {
        return Optional.ofNullable(conversations.get(user.name())).filter(c -> c.session().isPresent());
    }

    @PostConstruct
    void startTimer() {
        try {
            timer = (ScheduledExecutorService) new InitialContext().lookup(MANAGED_SCHEDULER);
        } catch (NamingException | ClassCastException e) {
            LOG.log(Level.FINE, "no managed scheduler; the relay uses a thread of its own", e);
            timer = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "wonderful-demo-stream-lifetime");
                thread.setDaemon(true);
                return thread;
            });
            ownTimer = true;
        }
    }

    /** Closes {@code sink} after {@link #STREAM_LIFETIME} (at once when the timer no longer runs). */
    void closeLater(SseEventSink sink) {
        try {
            timer.schedule(() -> closeQuietly(sink), STREAM_LIFETIME.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            closeQuietly(sink);
        }
    }

    private static void closeQuietly(SseEventSink sink) {
        try {
            if (!sink.isClosed()) {
                sink.close();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "closing an event stream failed", e);
        }
    }

    /** The chat is from the demo user by name, with its stable end-user id in the metadata. */
    private static StartChat startFor(EndUser user) {
        return StartChat.builder()
                .from(user.name())
                .fromType(ParticipantType.NAME)
                .metadata("name", user.name())
                .metadata("platform", "web")
                .metadata("entityId", user.entityId().toString())
                .build();
    }

    /**
     * Closes the users' streams and chat connections when the application stops, so that no browser request stays
     * open to hold the server's stop. Local only and quick: the chats are not ended, which would be a request to
     * the API (perhaps the simulator on this very server) while the server stops.
     */
    @PreDestroy
    void shutdown() {
        conversations.values().forEach(conversation -> {
            try {
                conversation.close();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "closing a conversation at shutdown failed", e);
            }
        });
        conversations.clear();
        if (ownTimer) {
            timer.shutdownNow();
        }
    }
}
