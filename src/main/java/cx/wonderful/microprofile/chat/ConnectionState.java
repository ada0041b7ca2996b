package cx.wonderful.microprofile.chat;

/**
 * The state of a chat session's real-time connection.
 *
 * <pre>
 * CONNECTING   -&gt; CONNECTED | DISCONNECTED | CLOSED
 * CONNECTED    -&gt; RECONNECTING | DISCONNECTED | CLOSED
 * RECONNECTING -&gt; CONNECTED | DISCONNECTED | CLOSED
 * DISCONNECTED -&gt; CLOSED
 * CLOSED       (final)
 * </pre>
 */
public enum ConnectionState {
    /** The first handshake is under way (retried with backoff when it fails for a reason that may pass). */
    CONNECTING,
    /** The socket is open; events arrive. */
    CONNECTED,
    /** The socket was lost unexpectedly; reconnect attempts with backoff are under way. */
    RECONNECTING,
    /** Reconnecting gave up (attempts exhausted, or a refusal that retrying cannot fix); no more events arrive. */
    DISCONNECTED,
    /** Closed on purpose: the session ended, or the application closed it. Final. */
    CLOSED
}
