package cx.wonderful.microprofile.internal.realtime;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link ChatSocket}s of one application that are not closed yet, so that its shutdown can close them all. */
final class SocketRegistry {

    private final Set<ChatSocket> live = ConcurrentHashMap.newKeySet();

    void add(ChatSocket socket) {
        live.add(Objects.requireNonNull(socket, "socket"));
    }

    void remove(ChatSocket socket) {
        live.remove(socket);
    }

    int size() {
        return live.size();
    }

    /** Closes every socket with 1001 (going away), on the calling thread; none reconnects afterwards. */
    void goingAway() {
        for (ChatSocket socket : Set.copyOf(live)) {
            socket.goAway();
            live.remove(socket);
        }
    }
}
