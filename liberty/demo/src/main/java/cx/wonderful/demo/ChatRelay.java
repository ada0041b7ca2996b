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

/**
 * The backend half of the chat: one {@link ChatSession} per signed-in user, started with the library's
 * {@link WonderfulChat} and relayed to the user's browser ({@link Conversation}). A user who starts a chat while one
 * is in progress gets the same one back (a second tab, a reload); after it ended, a new one.
 */
@ApplicationScoped
public class ChatRelay {

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
        conversation.startIfNeeded(listener -> chat.start(startFor(user), listener));
        return conversation;
    }

    /**
     * Takes over the chat the user's browser was following on another instance (or before a redeploy): recovered
     * from the session id and the last message relayed, numbered on from the cursor's sequence, so that the
     * browser's stream continues with nothing lost or repeated.
     *
     * @throws cx.wonderful.microprofile.WonderfulException when the chat cannot be recovered
     */
    Conversation takeOver(EndUser user, EventCursor cursor) {
        String sessionId = cursor.session().orElseThrow(() -> new IllegalArgumentException("the cursor names no session"));
        Conversation conversation = conversations.compute(user.name(), (name, existing) ->
                existing != null && existing.relays(sessionId) ? existing : new Conversation(cursor.sequence()));
        conversation.startIfNeeded(listener -> chat.recover(sessionId, cursor.lastMessageId(), listener));
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

    /**
     * Closes the browsers' streams when the application stops. The chats go on: the library lets their sockets go,
     * and the browsers reconnect (to this instance once it is back, or to another) and take them over.
     */
    @PreDestroy
    void shutdown() {
        conversations.values().forEach(Conversation::closeStreams);
    }
}
