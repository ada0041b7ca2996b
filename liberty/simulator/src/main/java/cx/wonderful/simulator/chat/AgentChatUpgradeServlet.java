package cx.wonderful.simulator.chat;

import cx.wonderful.simulator.ApiError;
import cx.wonderful.simulator.accounts.AccountAccessCheck;
import cx.wonderful.simulator.accounts.Accounts;
import cx.wonderful.simulator.auth.Caller;
import cx.wonderful.simulator.auth.Callers;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The handshake of the agent chat WebSocket, {@code GET /api/v1/agents/{agentId}/chat?commType=chat[&sessionId=
 * <id>&after=<transcript id>]}. The gateway filter has checked the credential (401); this servlet answers 404 for
 * an unknown agent or session, 403 for a locked agent and 400 for bad parameters, all before the upgrade, then
 * upgrades with the credential's scheme name as the negotiated sub-protocol (never the secret).
 */
@WebServlet(urlPatterns = "/api/v1/agents/*", asyncSupported = true)
public class AgentChatUpgradeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String AGENTS_PREFIX = "/api/v1/agents/";
    private static final String PATH_TEMPLATE = "/api/v1/agents/{agentId}/chat";

    @Inject
    Accounts accounts;
    @Inject
    SessionStore sessions;
    @Inject
    SocketPinger pinger;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        try {
            upgrade(request, response);
        } catch (ApiError error) {
            byte[] body = error.body().toString().getBytes(StandardCharsets.UTF_8);
            response.setStatus(error.status());
            response.setContentType("application/json");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    private void upgrade(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        String agentId = agentId(request.getRequestURI().substring(request.getContextPath().length()));
        Caller caller = Callers.of(request);
        if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            throw ApiError.badRequest("this endpoint only accepts a WebSocket upgrade");
        }
        if (!"chat".equals(request.getParameter("commType"))) {
            throw ApiError.validation("commType must be chat");
        }
        AccountAccessCheck.requireAgent(accounts, agentId);
        ChatConnection connection = connection(caller, agentId, request.getParameter("sessionId"),
                request.getParameter("after"));
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(AgentChatEndpoint.class, PATH_TEMPLATE)
                .subprotocols(List.of(caller.kind().protocol())).configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public <T> T getEndpointInstance(Class<T> endpointClass) {
                        return endpointClass.cast(new AgentChatEndpoint(connection, sessions, pinger));
                    }
                }).build();
        config.getUserProperties().put(ChatConnection.PROPERTY, connection);
        ServerContainer container = (ServerContainer) getServletContext()
                .getAttribute(ServerContainer.class.getName());
        try {
            container.upgradeHttpToWebSocket(request, response, config, Map.of("agentId", agentId));
        } catch (DeploymentException e) {
            throw new ServletException("cannot upgrade the agent chat socket", e);
        }
    }

    private ChatConnection connection(Caller caller, String agentId, String sessionId, String after) {
        if (sessionId == null || sessionId.isEmpty()) {
            if (after != null) {
                throw ApiError.validation("after needs a sessionId");
            }
            return new ChatConnection(caller, agentId, null, null);
        }
        ChatSession session = sessions.find(caller, sessionId)
                .orElseThrow(() -> ApiError.notFound("SESSION_NOT_FOUND", "no session " + sessionId));
        String afterId = after == null || after.isEmpty() ? null : after;
        if (session.transcriptsAfter(afterId).isEmpty()) {
            throw ApiError.validation("after names no transcript of this session");
        }
        return new ChatConnection(caller, agentId, session, afterId);
    }

    private static String agentId(String path) {
        if (!path.startsWith(AGENTS_PREFIX) || !path.endsWith("/chat")
                || path.length() <= AGENTS_PREFIX.length() + "/chat".length()) {
            throw ApiError.notFound("NOT_FOUND", "no such endpoint " + path);
        }
        String agentId = path.substring(AGENTS_PREFIX.length(), path.length() - "/chat".length());
        if (agentId.isEmpty() || agentId.contains("/")) {
            throw ApiError.notFound("NOT_FOUND", "no such endpoint " + path);
        }
        return agentId;
    }
}
