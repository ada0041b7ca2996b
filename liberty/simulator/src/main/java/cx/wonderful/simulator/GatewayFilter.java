package cx.wonderful.simulator;

import cx.wonderful.simulator.accounts.Accounts;
import cx.wonderful.simulator.admin.Fault;
import cx.wonderful.simulator.admin.FaultRegistry;
import cx.wonderful.simulator.auth.AuthResult;
import cx.wonderful.simulator.auth.Authenticator;
import cx.wonderful.simulator.auth.Caller;
import cx.wonderful.simulator.chat.AgentChatHandshake;
import cx.wonderful.simulator.journal.Journal;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.Optional;

/**
 * Runs before every request and every WebSocket handshake (a filter runs before the upgrade, so a refused
 * handshake is a plain HTTP answer): guards {@code /__admin} with the admin key, applies injected faults, checks
 * the credential on {@code /api/**} (401 with the error body) and an agent chat handshake's parameters
 * ({@link AgentChatHandshake}: 404, 403, 400), and journals what happened.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class GatewayFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The header that carries the admin key. */
    public static final String ADMIN_KEY_HEADER = "X-Simulator-Admin-Key";

    @Inject
    Accounts accounts;
    @Inject
    Authenticator authenticator;
    @Inject
    FaultRegistry faults;
    @Inject
    Journal journal;
    @Inject
    Clock clock;
    @Inject
    AgentChatHandshake handshake;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/__admin")) {
            if (!accounts.adminKey().equals(request.getHeader(ADMIN_KEY_HEADER))) {
                write(response, 401, ApiError.body("UNAUTHORIZED", "missing or wrong " + ADMIN_KEY_HEADER));
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        Instant arrived = clock.instant();
        boolean webSocket = "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
        AuthResult auth = path.startsWith("/api/") ? authenticate(request, webSocket) : null;
        int status = 0;
        try {
            Optional<Fault> fault = faults.take(request.getMethod(), path, webSocket);
            if (fault.isPresent() && applyFault(fault.get(), request, response)) {
                status = fault.get().reset() ? 0 : response.getStatus();
                return;
            }
            if (auth != null && !auth.isAccepted()) {
                write(response, 401, ApiError.body("UNAUTHORIZED", auth.failure()));
                status = 401;
                return;
            }
            if (auth != null) {
                request.setAttribute(Caller.ATTRIBUTE, auth.caller());
            }
            if (AgentChatHandshake.handles(path)) {
                try {
                    // Before the container's upgrade, so that a refused handshake is a plain HTTP answer.
                    handshake.check(auth.caller(), path, webSocket, request::getParameter);
                } catch (ApiError refused) {
                    write(response, refused.status(), refused.body());
                    status = refused.status();
                    return;
                }
            }
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            journal.record(arrived, request.getMethod(), path, request.getQueryString(), webSocket,
                    auth == null || auth.kind() == null ? null : auth.kind().protocol(),
                    auth == null || auth.kind() == null ? null : auth.maskedCredential(), status,
                    auth == null || !auth.isAccepted() ? null : auth.caller().subject());
        }
    }

    private AuthResult authenticate(HttpServletRequest request, boolean webSocket) {
        if (webSocket) {
            return authenticator.webSocket(Collections.list(request.getHeaders("Sec-WebSocket-Protocol")));
        }
        return authenticator.http(request.getHeader("x-api-key"), request.getHeader("Authorization"));
    }

    /** Applies a fault; returns true when it answered (or aborted) the request, false when a delay only. */
    private boolean applyFault(Fault fault, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (fault.delayMs() > 0) {
            try {
                Thread.sleep(fault.delayMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (fault.reset()) {
            if (!ConnectionAborter.abort(request)) {
                write(response, 500, ApiError.body("SIMULATOR_ERROR", "could not abort the connection"));
            }
            return true;
        }
        if (fault.status() != 0) {
            JsonObject body = fault.body() != null ? fault.body()
                    : StrictContract.errorBody(fault.status(), "SIMULATED_FAULT", "fault injected by the simulator");
            if (StrictContract.on() && (fault.status() == 429 || fault.status() == 503)) {
                response.setHeader("retry-after", "1"); // header names in another case (§2.5)
            }
            write(response, fault.status(), body);
            return true;
        }
        return false;
    }

    private static void write(HttpServletResponse response, int status, JsonObject body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
