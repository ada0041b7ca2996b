package cx.wonderful.demo;

import cx.wonderful.microprofile.chat.ChatSession;
import cx.wonderful.microprofile.chat.ParticipantType;
import cx.wonderful.microprofile.chat.StartChat;
import cx.wonderful.microprofile.chat.WonderfulChat;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The backend half of the chat: one {@link ChatSession} per signed-in user, started with the library's
 * {@link WonderfulChat} and relayed to the user's browser ({@link Conversation}). A user who starts a chat while one
 * is in progress gets the same one back (a second tab, a reload); after it ended or its connection gave up for good
 * (the server may have forgotten it), a new one.
 */
@ApplicationScoped
public class ChatRelay {

    private static final Logger LOG = Logger.getLogger(ChatRelay.class.getName());

    private final ConcurrentMap<String, Conversation> conversations = new ConcurrentHashMap<>();

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
        conversation.startIfNeeded(listener -> chat.start(startFor(user), listener));
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
    }
}
