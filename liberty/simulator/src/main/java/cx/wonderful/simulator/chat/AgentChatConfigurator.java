package cx.wonderful.simulator.chat;

import cx.wonderful.simulator.ApiError;
import cx.wonderful.simulator.auth.AuthResult;
import cx.wonderful.simulator.auth.Authenticator;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The agent chat endpoint's handshake on the standard Jakarta WebSocket API. The gateway filter has already
 * answered every refused handshake with its HTTP status (401, 403, 404, 400) before the container upgrades; here
 * the accepted one becomes a {@link ChatConnection} in the connection's endpoint config, and the negotiated
 * sub-protocol is the credential's scheme name, never the secret (the container picks the first requested
 * protocol it supports, and only the scheme names are supported).
 *
 * <p>A container that upgrades before the application's filters run (none of the tested ones does) would
 * reach this configurator with a refused handshake: it then fails the handshake with the container's own error
 * status instead of the API's.
 */
final class AgentChatConfigurator extends ServerEndpointConfig.Configurator {

    private final Authenticator authenticator;
    private final AgentChatHandshake handshake;
    private final SessionStore sessions;
    private final SocketPinger pinger;

    AgentChatConfigurator(Authenticator authenticator, AgentChatHandshake handshake, SessionStore sessions,
            SocketPinger pinger) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.handshake = Objects.requireNonNull(handshake, "handshake");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.pinger = Objects.requireNonNull(pinger, "pinger");
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        AuthResult auth = authenticator.webSocket(header(request.getHeaders(), "Sec-WebSocket-Protocol"));
        if (!auth.isAccepted()) {
            throw ApiError.unauthorized(auth.failure());
        }
        String path = request.getRequestURI().getRawPath();
        int api = path.indexOf("/api/");
        Map<String, List<String>> parameters = request.getParameterMap();
        ChatConnection connection = handshake.check(auth.caller(), api < 0 ? path : path.substring(api), true,
                name -> parameters.containsKey(name) && !parameters.get(name).isEmpty() ? parameters.get(name).get(0) : null);
        // Per connection: containers hand modifyHandshake a copy of the endpoint config for each handshake.
        config.getUserProperties().put(ChatConnection.PROPERTY, connection);
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) {
        return endpointClass.cast(new AgentChatEndpoint(sessions, pinger));
    }

    // Header names are case-insensitive; not every container's map is.
    private static List<String> header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey() != null && header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return List.of();
    }
}
