package cx.wonderful.demo;

import cx.wonderful.microprofile.auth.Identity;
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
 * is in progress gets the same one back (a second tab, a reload); after it ended, a new one.
 */
@ApplicationScoped
public class ChatRelay {

    private static final Logger LOG = Logger.getLogger(ChatRelay.class.getName());

    private final ConcurrentMap<String, Conversation> conversations = new ConcurrentHashMap<>();

    @Inject
    WonderfulChat chat;

    /**
     * The user's conversation, started if it has no session yet (or a new one if the last one ended).
     *
     * @throws cx.wonderful.microprofile.WonderfulException when the chat cannot be started (nothing is kept then,
     *         and the next call tries again)
     */
    Conversation start(EndUser user) {
        Conversation conversation = conversations.compute(user.name(),
                (name, existing) -> existing == null || existing.ended() ? new Conversation() : existing);
        // The chat runs as the user, with their own JWT (the library signs and refreshes it), never the API key.
        conversation.startIfNeeded(listener -> chat.as(Identity.endUser(user.entityId())).start(startFor(user), listener));
        return conversation;
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

    /** Ends the users' chats and closes their streams when the application stops. */
    @PreDestroy
    void shutdown() {
        conversations.values().forEach(conversation -> {
            conversation.closeStreams();
            conversation.session().filter(session -> !conversation.ended()).ifPresent(session ->
                    session.end().exceptionally(failure -> {
                        LOG.log(Level.FINE, "ending a chat at shutdown failed", failure);
                        return null;
                    }));
        });
    }
}
