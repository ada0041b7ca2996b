package cx.wonderful.microprofile.internal.realtime;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.chat.ConnectionState;
import cx.wonderful.microprofile.internal.CredentialSource;
import cx.wonderful.microprofile.internal.Redaction;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One chat session's connection to the agent chat WebSocket, kept alive across losses: the connection's state
 * machine ({@link ConnectionState}), wired to one small class per policy.
 *
 * <ul>
 * <li>{@link CredentialHandshake}: every handshake reads the credential afresh from the {@link CredentialSource}
 * (and the URI afresh from its supplier, so that a reconnect carries the current resume point); a 401 asks for a new
 * credential and tries once more.</li>
 * <li>{@link KeepAlive}: a protocol ping goes out every ping interval; a connection from which nothing (no pong, no
 * frame) arrives within the pong timeout of a ping is taken as dead.</li>
 * <li>{@link Reconnector}: any close but 1000, or after {@link #setReconnect setReconnect(false)}, is a loss:
 * reconnect attempts follow with exponential backoff and jitter, at most {@link SocketPolicy#maxAttempts()};
 * refusals that retrying cannot fix (401 after the refresh, 403, 404, 400) stop at once.</li>
 * <li>{@link SocketCloser}: {@link #close()} turns reconnecting off and never waits for the socket to close;
 * {@link #goAway()} closes with 1001 when the application stops.</li>
 * </ul>
 * The first handshake is retried the same way while the socket is {@link ConnectionState#CONNECTING};
 * {@link #opened()} completes when it succeeds or fails with the last error when it gives up. Thread-safe: one lock
 * guards the state and the policies' state, and orders the listener's calls.
 */
public final class ChatSocket {

    static final int CLOSE_NORMAL = CloseReason.CloseCodes.NORMAL_CLOSURE.getCode();
    static final int CLOSE_ABNORMAL = CloseReason.CloseCodes.CLOSED_ABNORMALLY.getCode();
    private static final Logger LOG = Logger.getLogger(ChatSocket.class.getName());

    private final String label;
    private final Supplier<URI> target;
    private final ChatSocketListener listener;
    private final SocketPolicy policy;
    private final RealtimeExecutors executors;
    private final CredentialHandshake handshakes;
    private final Reconnector reconnector;
    private final SocketCloser closer;

    private final Object lock = new Object();
    private final ConnectionStateMachine state = new ConnectionStateMachine();
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private boolean reconnect = true;
    // Each handshake gets a new generation; callbacks of an older one are ignored (a connection given up on).
    private int generation;
    /**
     * The connection the server closed for good (normal close, or no reconnecting): its last frames are still heard,
     * since a container may deliver the close before them, on another thread (WildFly's does). -1: none.
     */
    private int closedByServer = -1;
    private boolean stopped;
    private Session session;
    // The current connection's; read without the lock by the pong handler.
    private volatile KeepAlive keepAlive;

    ChatSocket(String label, WebSocketContainer container, CredentialSource credentials, Supplier<URI> target,
            ChatSocketListener listener, SocketPolicy policy, RealtimeExecutors executors) {
        this.label = Objects.requireNonNull(label, "label");
        this.target = Objects.requireNonNull(target, "target");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.executors = Objects.requireNonNull(executors, "executors");
        this.handshakes = new CredentialHandshake(label, container, credentials, listener::beforeHandshake);
        this.reconnector = new Reconnector(label, policy, executors.scheduler(), System::nanoTime);
        this.closer = new SocketCloser(label, executors.io());
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
        closer.closeAsync(toClose, CloseReason.CloseCodes.NORMAL_CLOSURE, "closed by the client");
        opened.completeExceptionally(new WonderfulException(ErrorCode.CONNECTION_LOST,
                "the chat connection of " + label + " was closed before it opened", 0, false, null));
    }

    /**
     * The application is stopping: closes the socket with 1001 (going away) on the calling thread, cancels the
     * pending reconnect and keep-alive, and stops for good without reporting anything to the listener (the session
     * itself goes on at the server, for another instance to recover). A handshake still under way is disowned: its
     * socket is closed with 1001 as soon as it opens, on the handshake's thread once the handshake call returned.
     * Idempotent.
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
        closer.goAway(toClose);
        opened.completeExceptionally(new WonderfulException(ErrorCode.CONNECTION_LOST,
                "the chat connection of " + label + " did not open: the application is stopping", 0, true, null));
    }

    /**
     * Tells the socket that its current connection works (the conversation came through it), so that a loss after
     * this starts the reconnect attempts from 1 again. Safe to call from the listener's callbacks: it only sets a flag.
     */
    public void confirmed() {
        reconnector.confirmed();
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
        SocketCloser.Deferred closes = closer.deferred();
        try {
            handshakes.connect(target.get(), () -> new AgentChatEndpoint(this, gen, attempt, closes));
        } catch (WonderfulException e) {
            failed(gen, attempt, e);
        } catch (RuntimeException e) {
            failed(gen, attempt, new WonderfulException(ErrorCode.NETWORK_ERROR,
                    label + ": the handshake failed: " + describe(e), 0, true, e));
        } finally {
            closes.handshakeReturned();
        }
    }

    private void failed(int gen, int attempt, WonderfulException error) {
        boolean gaveUpConnecting = false;
        synchronized (lock) {
            ConnectionState now = state.current();
            if (gen != generation || (now != ConnectionState.CONNECTING && now != ConnectionState.RECONNECTING)) {
                return;
            }
            int next = attempt + 1;
            boolean retry = reconnect && reconnector.retries(next, error, now == ConnectionState.RECONNECTING);
            LOG.log(Level.FINE, "{0}: attempt {1} failed ({2}); {3}",
                    new Object[] {label, attempt, error.getMessage(), retry ? "retrying" : "giving up"});
            if (now == ConnectionState.RECONNECTING) {
                listener.onDisconnected(retry, CLOSE_ABNORMAL, error.getMessage(), attempt);
            }
            if (retry) {
                reconnector.schedule(next, () -> submitHandshake(next));
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

    // ---- callbacks of the endpoint ----

    /**
     * The connection of handshake {@code gen} opened; called inside the container's {@code onOpen}.
     *
     * @return null when the socket keeps it, else how to close it (the caller must not close it in {@code onOpen}:
     *         see {@link SocketCloser})
     */
    CloseReason opened(int gen, Session opening, int attempt) {
        boolean first;
        synchronized (lock) {
            ConnectionState before = state.current();
            if (gen != generation || !state.moveTo(ConnectionState.CONNECTED)) {
                return stopped ? new CloseReason(CloseReason.CloseCodes.GOING_AWAY, SocketCloser.GOING_AWAY_REASON)
                        : new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "superseded");
            }
            first = before == ConnectionState.CONNECTING;
            session = opening;
            reconnector.opened(attempt);
            keepAlive = new KeepAlive(label, opening, policy, executors.scheduler(), executors.io(), reason -> silent(gen, reason));
            keepAlive.start();
            listener.onOpen(first ? 0 : attempt);
        }
        if (first) {
            opened.complete(null);
        }
        return null;
    }

    void text(int gen, String text) {
        synchronized (lock) {
            if (gen != generation && gen != closedByServer) {
                return;
            }
            alive(gen);
            listener.onText(text);
        }
    }

    /** A pong (or any frame) arrived; the keep-alive only asks whether anything did, of whichever generation. */
    /** The current connection's generation, as its endpoint tags what it reports; for tests. */
    int currentGeneration() {
        synchronized (lock) {
            return generation;
        }
    }

    void alive(int gen) {
        KeepAlive current = keepAlive;
        if (current != null) {
            current.frameArrived();
        }
    }

    void closed(int gen, int code, String reason) {
        synchronized (lock) {
            if (gen != generation) {
                return;
            }
            detach();
            if (!reconnect || code == CLOSE_NORMAL) {
                closedByServer = gen;
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

    /** The keep-alive of connection {@code gen} found it silent: a loss like any other, then the socket is closed. */
    private void silent(int gen, String reason) {
        Session dead;
        synchronized (lock) {
            if (gen != generation || session == null) {
                return;
            }
            dead = session;
            detach();
            LOG.fine(() -> label + ": " + reason + "; the connection is taken as dead");
            if (reconnect) {
                lost(CLOSE_ABNORMAL, reason);
            } else {
                toClosed(CLOSE_ABNORMAL, reason);
            }
        }
        closer.closeAsync(dead, CloseReason.CloseCodes.GOING_AWAY, "no pong");
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
        stopKeepAlive();
    }

    /** A loss: whether and from which attempt on reconnecting follows is the {@link Reconnector}'s to say. */
    private void lost(int code, String reason) {
        int next = reconnector.afterLoss();
        boolean willRetry = reconnector.mayAttempt(next);
        listener.onDisconnected(willRetry, code, reason, 0);
        if (willRetry) {
            state.moveTo(ConnectionState.RECONNECTING);
            reconnector.schedule(next, () -> submitHandshake(next));
        } else {
            state.moveTo(ConnectionState.DISCONNECTED);
            executors.untrack(this);
            listener.onFailed(new WonderfulException(ErrorCode.CONNECTION_LOST, label + ": the chat connection was lost ("
                    + code + ") and " + reconnector.whyNot(next), 0, true, null));
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
        reconnector.cancel();
        stopKeepAlive();
    }

    private void stopKeepAlive() {
        KeepAlive current = keepAlive;
        if (current != null) {
            current.stop();
            keepAlive = null;
        }
    }

    // ---- helpers ----

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
