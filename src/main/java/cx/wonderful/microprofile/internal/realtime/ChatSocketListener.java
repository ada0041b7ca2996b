package cx.wonderful.microprofile.internal.realtime;

import cx.wonderful.microprofile.WonderfulException;
import java.util.List;
import java.util.Map;

/**
 * What a {@link ChatSocket} reports, in order. Calls come from the socket's I/O and timer threads while the socket
 * holds its lock (that is what keeps them in order): an implementation must return quickly, must not block, and
 * must not call back into the socket synchronously; hand work to another executor.
 */
public interface ChatSocketListener {

    /** The socket is open: {@code reconnectAttempts} is 0 on the first connection, else the attempts it took. */
    void onOpen(int reconnectAttempts);

    /** A text frame from the server, as received. */
    void onText(String text);

    /**
     * The connection was lost ({@code attempt} 0) or reconnect attempt {@code attempt} failed; {@code willRetry}
     * says whether another attempt follows.
     */
    void onDisconnected(boolean willRetry, int code, String reason, int attempt);

    /** Reconnecting gave up; follows the last {@code onDisconnected(false, ...)}. The socket is DISCONNECTED. */
    void onFailed(WonderfulException error);

    /** The socket is CLOSED: a normal close by the server (1000, or after the end signal), or {@link ChatSocket#close()}. */
    void onClosed(int code, String reason);

    /**
     * Called with the headers of every handshake request just before it is sent, from the handshake's thread and
     * without the socket's lock: may add headers (the trace context); must not read or change the credential's.
     */
    default void beforeHandshake(Map<String, List<String>> headers) {
    }
}
