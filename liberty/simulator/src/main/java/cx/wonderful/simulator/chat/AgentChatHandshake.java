package cx.wonderful.simulator.chat;

import cx.wonderful.simulator.ApiError;
import cx.wonderful.simulator.accounts.AccountAccessCheck;
import cx.wonderful.simulator.accounts.Accounts;
import cx.wonderful.simulator.auth.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Function;

/**
 * The checks of an agent chat handshake, {@code GET /api/v1/agents/{agentId}/chat?commType=chat[&sessionId=<id>
 * &after=<transcript id>]}, after the credential's (401): 404 for an unknown agent or session, 403 for a locked
 * agent, 400 for bad parameters or a request that is no WebSocket upgrade. The gateway filter runs them before the
 * container upgrades, to answer with that status; the endpoint's configurator runs them again during the upgrade,
 * for the connection they establish.
 */
@ApplicationScoped
public class AgentChatHandshake {

    /** The endpoint's path, relative to the application's context root. */
    public static final String PATH_TEMPLATE = "/api/v1/agents/{agentId}/chat";
    private static final String AGENTS_PREFIX = "/api/v1/agents/";
    private static final String CHAT_SUFFIX = "/chat";

    @Inject
    Accounts accounts;
    @Inject
    SessionStore sessions;

    /** Whether {@code path} (relative to the context root) is under the agents' chat endpoints. */
    public static boolean handles(String path) {
        return path.startsWith(AGENTS_PREFIX);
    }

    /**
     * The connection a handshake establishes.
     *
     * @param path the request path relative to the context root
     * @param parameter the request's query parameters by name (null when absent)
     * @throws ApiError with the status to answer instead of upgrading
     */
    public ChatConnection check(Caller caller, String path, boolean upgrade, Function<String, String> parameter) {
        String agentId = agentId(path);
        if (!upgrade) {
            throw ApiError.badRequest("this endpoint only accepts a WebSocket upgrade");
        }
        if (!"chat".equals(parameter.apply("commType"))) {
            throw ApiError.validation("commType must be chat");
        }
        AccountAccessCheck.requireAgent(accounts, agentId);
        String sessionId = parameter.apply("sessionId");
        String after = parameter.apply("after");
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

    /** The agent id of a chat endpoint path; 404 for any other path under the agents. */
    static String agentId(String path) {
        if (!path.startsWith(AGENTS_PREFIX) || !path.endsWith(CHAT_SUFFIX)
                || path.length() <= AGENTS_PREFIX.length() + CHAT_SUFFIX.length()) {
            throw ApiError.notFound("NOT_FOUND", "no such endpoint " + path);
        }
        String agentId = path.substring(AGENTS_PREFIX.length(), path.length() - CHAT_SUFFIX.length());
        if (agentId.isEmpty() || agentId.contains("/")) {
            throw ApiError.notFound("NOT_FOUND", "no such endpoint " + path);
        }
        return agentId;
    }
}
