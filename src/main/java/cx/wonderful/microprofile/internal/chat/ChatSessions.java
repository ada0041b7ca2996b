package cx.wonderful.microprofile.internal.chat;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.chat.WonderfulChat;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live sessions of one {@link WonderfulChat}: those started or recovered and not yet ended or closed. At
 * shutdown each lets its connection go (1001, going away) and stops; no session is added after.
 */
final class ChatSessions {

    private final Set<LiveChatSession> live = ConcurrentHashMap.newKeySet();
    private volatile boolean shutDown;

    /** @throws WonderfulException {@code CONNECTION_LOST} once the application is stopping */
    void add(LiveChatSession session) {
        Objects.requireNonNull(session, "session");
        checkOpen();
        live.add(session);
        if (shutDown) {
            live.remove(session);
            checkOpen();
        }
    }

    void remove(LiveChatSession session) {
        live.remove(session);
    }

    int size() {
        return live.size();
    }

    boolean isShutDown() {
        return shutDown;
    }

    /** Lets every live session go; idempotent. */
    void shutdown() {
        shutDown = true;
        for (LiveChatSession session : Set.copyOf(live)) {
            session.shutdown();
        }
        live.clear();
    }

    void checkOpen() {
        if (shutDown) {
            throw new WonderfulException(ErrorCode.CONNECTION_LOST, "the chat module is stopping with the application", 0, false, null);
        }
    }
}
