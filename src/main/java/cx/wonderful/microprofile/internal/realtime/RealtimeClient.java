package cx.wonderful.microprofile.internal.realtime;

import cx.wonderful.microprofile.internal.CredentialSource;
import cx.wonderful.microprofile.internal.PathIds;
import cx.wonderful.microprofile.internal.WireContract;
import cx.wonderful.microprofile.internal.WonderfulSettings;
import jakarta.websocket.WebSocketContainer;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Opens {@link ChatSocket}s to the agent chat WebSocket (§2.4) on the application's one shared
 * {@link WebSocketContainer}, with the settings {@code wonderful.ws.ping-interval}, {@code wonderful.ws.pong-timeout},
 * {@code wonderful.ws.max-reconnect-attempts} and {@code wonderful.retry-delay} (the backoff base); their defaults
 * are in the {@link cx.wonderful.microprofile.internal.Setting} table. Built by each client configuration.
 */
public class RealtimeClient {

    private final Supplier<WebSocketContainer> container;
    private final CredentialSource credentials;
    private final URI webSocketBase;
    private final SocketPolicy policy;
    private final RealtimeExecutors executors;

    RealtimeClient(WebSocketContainer container, CredentialSource credentials, URI webSocketBase, SocketPolicy policy,
            RealtimeExecutors executors) {
        this(() -> container, credentials, webSocketBase, policy, executors);
        Objects.requireNonNull(container, "container");
    }

    private RealtimeClient(Supplier<WebSocketContainer> container, CredentialSource credentials, URI webSocketBase, SocketPolicy policy,
            RealtimeExecutors executors) {
        this.container = Objects.requireNonNull(container, "container");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.webSocketBase = Objects.requireNonNull(webSocketBase, "webSocketBase");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.executors = Objects.requireNonNull(executors, "executors");
    }

    /**
     * @param container the application's one WebSocket container, asked for when the first socket opens
     */
    public static RealtimeClient create(Supplier<WebSocketContainer> container, CredentialSource credentials,
            WonderfulSettings settings, RealtimeExecutors executors) {
        return new RealtimeClient(container, credentials, settings.webSocketBaseUrl(), SocketPolicy.from(settings), executors);
    }

    /**
     * A socket that does not connect yet: the caller keeps it first, then calls {@link ChatSocket#connect()}
     * ({@link ChatSocket#opened()} tells when it is open).
     *
     * @param label names the socket in log lines and messages (the session id; never a secret)
     * @param target the URI of each handshake, asked again before every one (so that it carries the resume point)
     */
    public ChatSocket create(String label, Supplier<URI> target, ChatSocketListener listener) {
        return create(label, target, listener, credentials);
    }

    /** {@link #create} with the credentials of {@code source} (an end user's, say) on every handshake. */
    public ChatSocket create(String label, Supplier<URI> target, ChatSocketListener listener, CredentialSource source) {
        return new ChatSocket(label, container.get(), source, target, listener, policy, executors);
    }

    /**
     * {@code ws(s)://<host>/api/v1/agents/{agentId}/chat?commType=chat[&sessionId=<id>[&after=<transcript id>]]}:
     * the agent chat, resuming session {@code sessionId} after transcript {@code after} when they are given.
     */
    public URI agentChatUri(String agentId, String sessionId, String after) {
        Objects.requireNonNull(agentId, "agentId");
        StringBuilder uri = new StringBuilder(webSocketBase.toString())
                .append(WireContract.AGENT_CHAT_WS_PATH.replace("{agentId}", PathIds.segment(agentId)))
                .append('?').append(WireContract.WS_QUERY_COMM_TYPE).append('=').append(WireContract.CHAT_COMM_TYPE);
        if (sessionId != null) {
            uri.append('&').append(WireContract.WS_QUERY_SESSION_ID).append('=').append(encode(sessionId));
            if (after != null) {
                uri.append('&').append(WireContract.WS_QUERY_AFTER).append('=').append(encode(after));
            }
        }
        return URI.create(uri.toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
