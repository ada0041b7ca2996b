package cx.wonderful.microprofile.realtime;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.internal.Credential;
import cx.wonderful.microprofile.internal.CredentialSource;
import cx.wonderful.microprofile.internal.ErrorResponses;
import cx.wonderful.microprofile.internal.Redaction;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One chat session's connection to the agent chat WebSocket, kept alive across losses.
 *
 * <ul>
 * <li>Every handshake reads the credential afresh from the {@link CredentialSource} and the URI afresh from its
 * supplier (so a reconnect carries a refreshed token and the current resume point); a 401 asks
 * {@link CredentialSource#afterUnauthorized} for a new credential and tries once more.</li>
 * <li>A protocol ping goes out every ping interval; a connection from which nothing (no pong, no frame) arrives
 * within the pong timeout of a ping is taken as dead.</li>
 * <li>Any close but 1000, or after {@link #setReconnect setReconnect(false)}, is a loss: reconnect attempts follow
 * with exponential backoff and jitter, at most {@link SocketPolicy#maxAttempts()}; refusals that retrying cannot
 * fix (401 after the refresh, 403, 404, 400) stop at once.</li>
 * <li>{@link #close()} turns reconnecting off and never waits for the socket to close.</li>
 * </ul>
 * The first handshake is retried the same way while the socket is {@link ConnectionState#CONNECTING};
 * {@link #opened()} completes when it succeeds or fails with the last error when it gives up. Thread-safe.
 */
public final class ChatSocket {

    static final int CLOSE_NORMAL = CloseReason.CloseCodes.NORMAL_CLOSURE.getCode();
    static final int CLOSE_ABNORMAL = CloseReason.CloseCodes.CLOSED_ABNORMALLY.getCode();
    private static final Logger LOG = Logger.getLogger(ChatSocket.class.getName());
    private static final String GOING_AWAY_REASON = "the application is stopping";
    private static final byte[] PING_PAYLOAD = "wonderful-keepalive".getBytes(StandardCharsets.US_ASCII);

    private final String label;
    private final WebSocketContainer container;
    private final CredentialSource credentials;
    private final Supplier<URI> target;
    private final ChatSocketListener listener;
    private final SocketPolicy policy;
    private final RealtimeExecutors executors;

    private final Object lock = new Object();
    private final ConnectionStateMachine state = new ConnectionStateMachine();
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private boolean reconnect = true;
    // Each handshake gets a new generation; callbacks of an older one are ignored (a connection given up on).
    private int generation;
    private boolean stopped;
    private Session session;
    private TaskScope.Handle reconnectTimer;
    private TaskScope.Handle keepAlive;
    private volatile long lastFrameNanos;
    // When the current connection opened, and by which reconnect attempt: a loss soon after counts on from there.
    private long openedAtNanos;
    private int openedBy;
    private volatile boolean proven;

    ChatSocket(String label, WebSocketContainer container, CredentialSource credentials, Supplier<URI> target,
            ChatSocketListener listener, SocketPolicy policy, RealtimeExecutors executors) {
        this.label = Objects.requireNonNull(label, "label");
        this.container = Objects.requireNonNull(container, "container");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.target = Objects.requireNonNull(target, "target");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.executors = Objects.requireNonNull(executors, "executors");
    }

    /**
     * Starts the first handshake on the I/O pool; call once. Once the application is stopping, {@link #opened()}
     * fails at once with {@code CONNECTION_LOST} instead.
     */
    public void connect() {
        executors.track(this);
        if (executors.isShutDown()) {
            goAway();
            return;
        }
        submitHandshake(0);
    }

    /** Completes when the first handshake succeeds; fails with the last error when connecting gives up or is closed. */
    public CompletionStage<Void> opened() {
        return opened.copy();
    }

    public ConnectionState state() {
        synchronized (lock) {
            return state.current();
        }
    }

    /**
     * Whether a close other than 1000 starts reconnecting. Set to false when the server's end signal arrived or the
     * session is being ended, so that the close that follows ends the socket instead.
     */
    public void setReconnect(boolean enabled) {
        synchronized (lock) {
            reconnect = enabled;
        }
    }

    /**
     * Sends a text frame; completes when the implementation has written it.
     *
     * @return a stage failed with {@code SEND_FAILED} when the socket is not open or the write fails
     */
    public CompletionStage<Void> sendText(String text) {
        Objects.requireNonNull(text, "text");
        Session open;
        ConnectionState now;
        synchronized (lock) {
            now = state.current();
            open = now == ConnectionState.CONNECTED ? session : null;
        }
        CompletableFuture<Void> sent = new CompletableFuture<>();
        if (open == null) {
            sent.completeExceptionally(new WonderfulException(ErrorCode.SEND_FAILED,
                    "the chat connection of " + label + " is not open (" + now + ")"));
            return sent;
        }
        try {
            open.getAsyncRemote().sendText(text, result -> {
                if (result.isOK()) {
                    sent.complete(null);
                } else {
                    sent.completeExceptionally(new WonderfulException(ErrorCode.SEND_FAILED,
                            "writing to the chat connection of " + label + " failed: " + describe(result.getException()),
                            result.getException()));
                }
            });
        } catch (RuntimeException e) {
            sent.completeExceptionally(new WonderfulException(ErrorCode.SEND_FAILED,
                    "writing to the chat connection of " + label + " failed: " + describe(e), e));
        }
        return sent;
    }

    /** Turns reconnecting off and closes the socket (1000) on the I/O pool; returns at once. Idempotent. */
    public void close() {
        Session toClose;
        synchronized (lock) {
            toClose = disown();
            toClosed(CLOSE_NORMAL, "closed by the client");
        }
        closeAsync(toClose, CloseReason.CloseCodes.NORMAL_CLOSURE, "closed by the client");
        opened.completeExceptionally(new WonderfulException(ErrorCode.CONNECTION_LOST,
                "the chat connection of " + label + " was closed before it opened", 0, false, null));
    }

    /**
     * The application is stopping: closes the socket with 1001 (going away) on the calling thread, cancels the
     * pending reconnect and keep-alive, and stops for good without reporting anything to the listener (the session
     * itself goes on at the server, for another instance to recover). A handshake still under way is disowned: its
     * socket is closed as soon as it opens. Idempotent.
     */
    public void goAway() {
        Session toClose;
        synchronized (lock) {
            stopped = true;
            toClose = disown();
            cancelTimers();
            state.moveTo(ConnectionState.CLOSED);
        }
        executors.untrack(this);
        closeNow(toClose, CloseReason.CloseCodes.GOING_AWAY, GOING_AWAY_REASON);
        opened.completeExceptionally(new WonderfulException(ErrorCode.CONNECTION_LOST,
                "the chat connection of " + label + " did not open: the application is stopping", 0, true, null));
    }

    // ---- handshakes ----

    private void submitHandshake(int attempt) {
        try {
            executors.io().execute(() -> handshake(attempt));
        } catch (RejectedExecutionException e) {
            LOG.fine(() -> label + ": not connecting, the application is stopping");
            goAway();
        }
    }

    private void handshake(int attempt) {
        int gen;
        synchronized (lock) {
            ConnectionState now = state.current();
            if (stopped || now == ConnectionState.CLOSED || now == ConnectionState.DISCONNECTED) {
                return;
            }
            if (now == ConnectionState.RECONNECTING && !reconnect) {
                toClosed(CLOSE_NORMAL, "reconnecting was turned off");
                return;
            }
            gen = ++generation;
        }
        try {
            URI uri = target.get();
            Credential used = credentials.current();
            int status = connectWith(used, uri, gen, attempt);
            if (status == 401) {
                LOG.fine(() -> label + ": handshake refused with 401; refreshing the credential and trying once more");
                Credential fresh = credentials.afterUnauthorized(used);
                status = connectWith(fresh, uri, gen, attempt);
                if (status == 401) {
                    throw refusal(401, "the " + fresh.kind() + " credential was still refused after one refresh");
                }
            }
            if (status != 0) {
                throw refusal(status, "the handshake was refused");
            }
        } catch (WonderfulException e) {
            failed(gen, attempt, e);
        } catch (RuntimeException e) {
            failed(gen, attempt, new WonderfulException(ErrorCode.NETWORK_ERROR,
                    label + ": the handshake failed: " + describe(e), 0, true, e));
        }
    }

    /** Connects; returns 0 when the handshake succeeded, else the HTTP status that refused it. */
    private int connectWith(Credential credential, URI uri, int gen, int attempt) {
        try {
            container.connectToServer(new AgentChatEndpoint(this, gen, attempt), CredentialHandshake.config(credential, listener::beforeHandshake), uri);
            return 0;
        } catch (DeploymentException | IOException e) {
            int status = HandshakeStatus.of(e);
            if (status != 0) {
                return status;
            }
            throw new WonderfulException(ErrorCode.NETWORK_ERROR, label + ": could not connect to " + withoutQuery(uri)
                    + ": " + redact(describe(e), credential), 0, true, null);
        }
    }

    /** The error of a refused handshake: the code by the library's one status policy ({@link ErrorResponses#code}). */
    private WonderfulException refusal(int status, String what) {
        ErrorCode code = ErrorResponses.code(status, "");
        String hint = switch (code) {
            case FORBIDDEN -> ": the agent is not accessible";
            case NOT_FOUND -> ": no such agent or session";
            default -> "";
        };
        return new WonderfulException(code, label + ": " + what + " (HTTP " + status + ")" + hint, status,
                code.recoverableByDefault(), null);
    }

    private void failed(int gen, int attempt, WonderfulException error) {
        boolean gaveUpConnecting = false;
        synchronized (lock) {
            ConnectionState now = state.current();
            if (gen != generation || (now != ConnectionState.CONNECTING && now != ConnectionState.RECONNECTING)) {
                return;
            }
            int next = attempt + 1;
            // A 401 while reconnecting may be a token that was being rotated: retried within the attempts.
            boolean transientRefusal = now == ConnectionState.RECONNECTING && error.httpStatus().orElse(0) == 401;
            boolean retry = (error.recoverable() || transientRefusal) && reconnect && policy.mayAttempt(next);
            LOG.log(Level.FINE, "{0}: attempt {1} failed ({2}); {3}",
                    new Object[] {label, attempt, error.getMessage(), retry ? "retrying" : "giving up"});
            if (now == ConnectionState.RECONNECTING) {
                listener.onDisconnected(retry, CLOSE_ABNORMAL, error.getMessage(), attempt);
            }
            if (retry) {
                schedule(next);
                return;
            }
            state.moveTo(ConnectionState.DISCONNECTED);
            executors.untrack(this);
            if (now == ConnectionState.RECONNECTING) {
                listener.onFailed(error.recoverable()
                        ? new WonderfulException(ErrorCode.CONNECTION_LOST, label + ": gave up reconnecting after "
                                + attempt + " attempt(s); last: " + error.getMessage(), 0, true, error)
                        : error);
            } else {
                gaveUpConnecting = true;
            }
        }
        if (gaveUpConnecting) {
            opened.completeExceptionally(error);
        }
    }

    private void schedule(int attempt) {
        Duration delay = policy.delayBefore(attempt, ThreadLocalRandom.current());
        try {
            reconnectTimer = executors.scheduler().schedule(() -> submitHandshake(attempt), delay);
        } catch (RejectedExecutionException e) {
            LOG.fine(() -> label + ": not reconnecting, the application is stopping");
        }
    }

    // ---- callbacks of the endpoint ----

    void opened(int gen, Session opening, int attempt) {
        boolean first;
        synchronized (lock) {
            ConnectionState before = state.current();
            if (gen != generation || !state.moveTo(ConnectionState.CONNECTED)) {
                if (stopped) {
                    closeNow(opening, CloseReason.CloseCodes.GOING_AWAY, GOING_AWAY_REASON);
                } else {
                    closeAsync(opening, CloseReason.CloseCodes.NORMAL_CLOSURE, "superseded");
                }
                return;
            }
            first = before == ConnectionState.CONNECTING;
            session = opening;
            lastFrameNanos = System.nanoTime();
            openedAtNanos = lastFrameNanos;
            openedBy = attempt;
            proven = false;
            startKeepAlive(gen);
            listener.onOpen(first ? 0 : attempt);
        }
        if (first) {
            opened.complete(null);
        }
    }

    void text(int gen, String text) {
        synchronized (lock) {
            if (gen != generation) {
                return;
            }
            lastFrameNanos = System.nanoTime();
            listener.onText(text);
        }
    }

    void alive(int gen) {
        lastFrameNanos = System.nanoTime();
    }

    void closed(int gen, int code, String reason) {
        synchronized (lock) {
            if (gen != generation) {
                return;
            }
            detach();
            if (!reconnect || code == CLOSE_NORMAL) {
                toClosed(code, reason);
            } else {
                lost(code, reason);
            }
        }
    }

    void error(int gen, Session failing, Throwable error) {
        LOG.log(Level.FINE, "{0}: WebSocket error: {1}", new Object[] {label, describe(error)});
        // An error while the socket stays open (a handler failed) is no loss; one without an open socket is.
        if (failing == null || failing.isOpen()) {
            return;
        }
        closed(gen, CLOSE_ABNORMAL, describe(error));
    }

    // ---- keep-alive ----

    private void startKeepAlive(int gen) {
        try {
            keepAlive = executors.scheduler().scheduleAtFixedRate(() -> ping(gen), policy.pingInterval());
        } catch (RejectedExecutionException e) {
            LOG.fine(() -> label + ": no keep-alive, the application is stopping");
        }
    }

    private void ping(int gen) {
        Session open;
        synchronized (lock) {
            open = gen == generation ? session : null;
        }
        if (open == null) {
            return;
        }
        try {
            executors.io().execute(() -> {
                long sentAt = System.nanoTime();
                try {
                    open.getAsyncRemote().sendPing(ByteBuffer.wrap(PING_PAYLOAD));
                } catch (IOException | RuntimeException e) {
                    LOG.fine(() -> label + ": ping failed: " + describe(e));
                }
                try {
                    executors.scheduler().schedule(() -> checkAlive(gen, sentAt), policy.pongTimeout());
                } catch (RejectedExecutionException e) {
                    LOG.fine(() -> label + ": no liveness check, the application is stopping");
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.fine(() -> label + ": no ping, the application is stopping");
        }
    }

    private void checkAlive(int gen, long pingSentAt) {
        Session dead;
        synchronized (lock) {
            if (gen != generation || session == null || lastFrameNanos - pingSentAt >= 0) {
                return;
            }
            dead = session;
            detach();
            String reason = "nothing received within " + policy.pongTimeout().toMillis() + " ms of a ping";
            LOG.fine(() -> label + ": " + reason + "; the connection is taken as dead");
            if (reconnect) {
                lost(CLOSE_ABNORMAL, reason);
            } else {
                toClosed(CLOSE_ABNORMAL, reason);
            }
        }
        closeAsync(dead, CloseReason.CloseCodes.GOING_AWAY, "no pong");
    }

    // ---- transitions (lock held) ----

    /** No more reconnecting, and the current connection (returned, to be closed) is forgotten. Lock held. */
    private Session disown() {
        reconnect = false;
        Session current = session;
        session = null;
        generation++;
        return current;
    }

    /** Forgets the current connection: nothing it reports any more is heard. */
    private void detach() {
        session = null;
        generation++;
        if (keepAlive != null) {
            keepAlive.cancel();
            keepAlive = null;
        }
    }

    /**
     * Tells the socket that its current connection works (the conversation came through it), so that a loss after
     * this starts the reconnect attempts from 1 again. Safe to call from the listener's callbacks: it only sets a flag.
     */
    public void confirmed() {
        proven = true;
    }

    /**
     * A loss: the attempts start again from 1 only when the connection had {@link #confirmed proven itself} or
     * stayed up for a pong timeout; a connection that keeps dropping right after it opens (a flapping server)
     * counts on toward the maximum.
     */
    private void lost(int code, String reason) {
        boolean stable = proven || System.nanoTime() - openedAtNanos >= policy.pongTimeout().toNanos();
        int next = stable ? 1 : openedBy + 1;
        boolean willRetry = policy.mayAttempt(next);
        listener.onDisconnected(willRetry, code, reason, 0);
        if (willRetry) {
            state.moveTo(ConnectionState.RECONNECTING);
            schedule(next);
        } else {
            state.moveTo(ConnectionState.DISCONNECTED);
            executors.untrack(this);
            listener.onFailed(new WonderfulException(ErrorCode.CONNECTION_LOST, label + ": the chat connection was lost ("
                    + code + ") and " + (next == 1 ? "reconnecting is off (max attempts 0)"
                            : "it kept dropping soon after opening: gave up after " + (next - 1) + " attempt(s)"), 0, true, null));
        }
    }

    private void toClosed(int code, String reason) {
        if (!state.moveTo(ConnectionState.CLOSED)) {
            return;
        }
        cancelTimers();
        executors.untrack(this);
        listener.onClosed(code, reason);
    }

    private void cancelTimers() {
        if (reconnectTimer != null) {
            reconnectTimer.cancel();
            reconnectTimer = null;
        }
        if (keepAlive != null) {
            keepAlive.cancel();
            keepAlive = null;
        }
    }

    // ---- helpers ----

    private void closeAsync(Session toClose, CloseReason.CloseCode code, String reason) {
        if (toClose == null) {
            return;
        }
        try {
            executors.io().execute(() -> closeNow(toClose, code, reason));
        } catch (RejectedExecutionException e) {
            closeNow(toClose, code, reason);
        }
    }

    private void closeNow(Session toClose, CloseReason.CloseCode code, String reason) {
        if (toClose == null) {
            return;
        }
        try {
            if (toClose.isOpen()) {
                toClose.close(new CloseReason(code, reason));
            }
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> label + ": closing the socket failed: " + describe(e));
        }
    }

    private static String withoutQuery(URI uri) {
        String text = uri.toString();
        int query = text.indexOf('?');
        return query < 0 ? text : text.substring(0, query);
    }

    /** A failure message can quote request headers; the secret never leaves this class. */
    private static String redact(String message, Credential credential) {
        return Redaction.scrub(message, List.of(credential.secret()));
    }

    static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // The container's text can quote the handshake's headers or what the server answered: secret shapes masked.
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + Redaction.scrub(root.getMessage()));
    }

    @Override
    public String toString() {
        return "ChatSocket[" + label + ", " + state() + "]";
    }
}
