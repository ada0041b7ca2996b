package cx.wonderful.microprofile.internal.realtime;

import cx.wonderful.microprofile.chat.ConnectionState;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The allowed moves between {@link ConnectionState}s; a refused move leaves the state unchanged. Not thread-safe. */
final class ConnectionStateMachine {

    private static final Map<ConnectionState, Set<ConnectionState>> ALLOWED = Map.of(
            ConnectionState.CONNECTING, EnumSet.of(ConnectionState.CONNECTED, ConnectionState.DISCONNECTED, ConnectionState.CLOSED),
            ConnectionState.CONNECTED, EnumSet.of(ConnectionState.RECONNECTING, ConnectionState.DISCONNECTED, ConnectionState.CLOSED),
            ConnectionState.RECONNECTING, EnumSet.of(ConnectionState.CONNECTED, ConnectionState.DISCONNECTED, ConnectionState.CLOSED),
            ConnectionState.DISCONNECTED, EnumSet.of(ConnectionState.CLOSED),
            ConnectionState.CLOSED, EnumSet.noneOf(ConnectionState.class));

    private ConnectionState current = ConnectionState.CONNECTING;

    static boolean allowed(ConnectionState from, ConnectionState to) {
        return ALLOWED.get(Objects.requireNonNull(from, "from")).contains(Objects.requireNonNull(to, "to"));
    }

    ConnectionState current() {
        return current;
    }

    /** Moves to {@code next} and returns true, or returns false and stays where it is when the move is not allowed. */
    boolean moveTo(ConnectionState next) {
        if (!allowed(current, next)) {
            return false;
        }
        current = next;
        return true;
    }
}
