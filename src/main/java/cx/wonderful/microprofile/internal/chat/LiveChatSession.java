package cx.wonderful.microprofile.internal.chat;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.chat.ChatEvent;
import cx.wonderful.microprofile.chat.ChatEventListener;
import cx.wonderful.microprofile.chat.ChatSession;
import cx.wonderful.microprofile.chat.ChatStatus;
import cx.wonderful.microprofile.chat.ConnectionState;
import cx.wonderful.microprofile.chat.EndedBy;
import cx.wonderful.microprofile.chat.Subscription;
import cx.wonderful.microprofile.internal.LogMessage;
import cx.wonderful.microprofile.internal.realtime.ChatSocket;
import cx.wonderful.microprofile.internal.realtime.ChatSocketListener;
import cx.wonderful.microprofile.internal.realtime.TaskScope;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * A {@link ChatSession}: commands over Chat V3 REST, one at a time in call order ({@link CommandQueue}), the
 * conversation over its {@link ChatSocket}. The socket's callbacks update the transcript at once (so that a
 * reconnect always resumes after the last transcript received) and queue the events on the session's serial
 * executor. The session is in its {@link ChatSessions registry} from its creation until it ends or is closed.
 */
final class LiveChatSession implements ChatSession {

    private static final Logger LOG = Logger.getLogger(LiveChatSession.class.getName());
    /**
     * How long a server's close without an end signal waits before it is reported as the end: a WebSocket client
     * may deliver the close before the last message on another thread (seen on WildFly), and that message may be
     * the {@code communication_ended} that says who ended the chat. 500 ms was not always enough on a loaded
     * 2-core machine (WildFly, seen once in CI: the agent's end reported as the system's).
     */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    private final String sessionId;
    private final ChatCommands commands;
    private final TranscriptLedger ledger;
    private final SerialExecutor serial;
    private final EventDispatcher dispatcher;
    private final TaskScope scheduler;
    private final CommandQueue queue = new CommandQueue();
    private final ChatSessions registry;
    private final ReplayWindow replay;
    private final Duration endGrace;
    private final String initFrame;

    private volatile ChatStatus status;
    /** Set with the status when the session ends; stays null when a recovered ended session's history does not say. */
    private volatile EndedBy endedBy;
    private volatile boolean endRequested;
    private volatile ChatSocket socket;
    private volatile boolean closing;
    private volatile TaskScope.Handle endFallback;
    /** The last transcript id the socket delivered, duplicates included: where the next handshake resumes. */
    private volatile String socketLastId;
    private final AtomicBoolean endedReported = new AtomicBoolean();
    private final AtomicBoolean initSent = new AtomicBoolean();
    /** Whether a message arrived since the last turn marker; a marker with nothing before it is a replayed one. */
    private final AtomicBoolean turnOpen = new AtomicBoolean();

    /**
     * @param initFrame the {@code init} frame to send on the first connection, or null (a recovered session)
     * @param endGrace how long {@link #end()} waits for the server's end signal before reporting the end itself
     * @param replay what a session taken over from another instance owes its listener
     */
    LiveChatSession(String sessionId, ChatStatus status, ChatCommands commands, TranscriptLedger ledger,
            SerialExecutor serial, EventDispatcher dispatcher, TaskScope scheduler, Duration endGrace,
            String initFrame, ChatSessions registry, ReplayWindow replay) {
        this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
        this.status = Objects.requireNonNull(status, "status");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.serial = Objects.requireNonNull(serial, "serial");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.endGrace = Objects.requireNonNull(endGrace, "endGrace");
        this.initFrame = initFrame;
        this.registry = Objects.requireNonNull(registry, "registry");
        this.replay = Objects.requireNonNull(replay, "replay");
        if (status == ChatStatus.ENDED) {
            endedReported.set(true);
        } else {
            registry.add(this);
        }
    }

    /** Creates the session's socket with {@code factory}, keeps it, and connects; completes when it is open. */
    CompletionStage<ChatSession> connect(Function<ChatSocketListener, ChatSocket> factory) {
        ChatSocket created;
        try {
            created = factory.apply(new SocketEvents());
        } catch (RuntimeException e) {
            registry.remove(this);
            throw e;
        }
        socket = created;
        created.connect();
        return created.opened().handle((ok, failure) -> {
            if (failure != null) {
                registry.remove(this);
                WonderfulException cause = unwrap(failure);
                throw new CompletionException(new WonderfulException(cause.code(), "chat session " + sessionId
                        + " exists but its real-time connection failed (recover it later): " + cause.getMessage(),
                        cause.httpStatus().orElse(0), cause.recoverable(), cause));
            }
            return this;
        });
    }

    /**
     * Where the next handshake resumes: after the last transcript the socket delivered; before the first, after the
     * last message the user saw (a takeover) or the last of the history; null when there is none.
     */
    String resumeAfter() {
        String last = socketLastId;
        if (last != null) {
            return last;
        }
        return replay.lastSeenId().or(ledger::lastId).orElse(null);
    }

    /**
     * An ended session taken over from another instance: delivers the messages the user had not seen (as far as
     * the history names them) and the end.
     */
    void deliverEndedTakeover(EndedBy endedBy) {
        endedBefore(endedBy);
        replay.owedFromHistory().forEach(dispatcher::emit);
        dispatcher.emit(new ChatEvent.Ended(endedBy));
    }

    /** A session recovered after it had ended: who ended it, as its history says ({@link #endedBy()}). */
    void endedBefore(EndedBy by) {
        if (status != ChatStatus.ENDED) {
            throw new IllegalStateException("chat session " + sessionId + " is not ended");
        }
        endedBy = Objects.requireNonNull(by, "by");
    }

    /**
     * The application is stopping: the connection goes (1001, going away) without reporting anything, the end
     * fallback is cancelled, and the session stays open at the server for another instance to recover.
     */
    void shutdown() {
        ChatSocket current = letGo();
        if (current != null) {
            current.goAway();
        }
    }

    /** Stops reporting the socket's close as an end, stops the end fallback, leaves the registry: the socket to close. */
    private ChatSocket letGo() {
        closing = true;
        cancelEndFallback();
        registry.remove(this);
        return socket;
    }

    @Override
    public String sessionId() {
        return sessionId;
    }

    @Override
    public ChatStatus status() {
        return status;
    }

    @Override
    public Optional<EndedBy> endedBy() {
        return Optional.ofNullable(endedBy);
    }

    @Override
    public List<ChatEvent.Message> messages() {
        return ledger.snapshot();
    }

    @Override
    public ConnectionState connectionState() {
        ChatSocket current = socket;
        return current == null ? ConnectionState.CLOSED : current.state();
    }

    @Override
    public CompletionStage<Void> send(String text) {
        try {
            ChatValidation.text(text);
        } catch (WonderfulException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (status == ChatStatus.ENDED) {
            return CompletableFuture.failedFuture(new WonderfulException(ErrorCode.SESSION_ENDED,
                    "chat session " + sessionId + " has ended; the message was not sent"));
        }
        return queue.submit(() -> commands.send(sessionId, text), (ok, failure) -> {
            // A 409 (any body) means the server has ended the session: it takes no more messages (issue 11).
            if (failure != null && unwrap(failure).code() == ErrorCode.SESSION_ENDED) {
                finish(endRequested ? EndedBy.USER : EndedBy.SYSTEM);
            }
        });
    }

    @Override
    public Subscription onEvent(ChatEventListener listener) {
        return dispatcher.subscribe(listener);
    }

    @Override
    public CompletionStage<Void> end() {
        if (status == ChatStatus.ENDED) {
            return CompletableFuture.completedFuture(null);
        }
        endRequested = true;
        return queue.submit(() -> commands.end(sessionId)).handle((ok, failure) -> {
            if (failure != null) {
                WonderfulException cause = unwrap(failure);
                if (cause.code() != ErrorCode.SESSION_ENDED) {
                    endRequested = false;
                    throw new CompletionException(cause);
                }
            }
            status = ChatStatus.ENDED;
            ChatSocket current = socket;
            if (current != null) {
                current.setReconnect(false);
            }
            if (current == null || current.state() != ConnectionState.CONNECTED) {
                finish(EndedBy.USER);
            } else {
                awaitEndSignal();
            }
            return null;
        });
    }

    @Override
    public void close() {
        ChatSocket current = letGo();
        if (current != null) {
            current.close();
        }
    }

    /** The server normally answers the end action with communication_ended; report the end even if it does not. */
    private void awaitEndSignal() {
        try {
            endFallback = scheduler.schedule(() -> finish(EndedBy.USER), endGrace);
        } catch (RejectedExecutionException e) {
            finish(EndedBy.USER);
        }
    }

    /** Reports the end once, then lets the socket go (on the event queue: never on the caller's thread). */
    private void finish(EndedBy by) {
        if (!endedReported.compareAndSet(false, true)) {
            return;
        }
        endedBy = by;
        status = ChatStatus.ENDED;
        cancelEndFallback();
        registry.remove(this);
        dispatcher.emit(new ChatEvent.Ended(by));
        closing = true;
        ChatSocket current = socket;
        if (current != null) {
            serial.execute(current::close);
        }
    }

    private void cancelEndFallback() {
        TaskScope.Handle fallback = endFallback;
        if (fallback != null) {
            fallback.cancel();
        }
    }

    private static WonderfulException unwrap(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof WonderfulException wonderful ? wonderful
                : new WonderfulException(ErrorCode.NETWORK_ERROR, String.valueOf(cause.getMessage()), cause);
    }

    @Override
    public String toString() {
        return "ChatSession[" + sessionId + ", " + status + ", " + connectionState() + "]";
    }

    /** The socket's reports, turned into events. Runs under the socket's lock: queue, never block. */
    private final class SocketEvents implements ChatSocketListener {

        @Override
        public void onOpen(int reconnectAttempts) {
            if (endedReported.get()) {
                return;
            }
            serial.execute(this::sendInit);
            if (reconnectAttempts == 0) {
                dispatcher.emit(new ChatEvent.Connected(sessionId));
            } else {
                dispatcher.emit(new ChatEvent.Reconnected(reconnectAttempts));
            }
        }

        /** Once per session; a send that fails (the socket dropped right after opening) is made again on the next open. */
        private void sendInit() {
            ChatSocket current = socket;
            if (initFrame != null && current != null && initSent.compareAndSet(false, true)) {
                current.sendText(initFrame).whenComplete((ok, failure) -> {
                    if (failure != null) {
                        initSent.set(false);
                        LogMessage.CHAT_INIT_NOT_SENT.log(LOG, sessionId, failure.getMessage());
                    }
                });
            }
        }

        @Override
        public void onText(String text) {
            if (endedReported.get()) {
                return;
            }
            InboundFrame frame = Frames.parse(text);
            if (frame instanceof InboundFrame.Transcript transcript) {
                ChatEvent.Message message = transcript.message();
                if (message.id() != null) {
                    socketLastId = message.id();
                }
                ChatSocket current = socket;
                if (current != null) {
                    current.confirmed();
                }
                if (ledger.accept(message) || replay.owed(message)) {
                    turnOpen.set(true);
                    dispatcher.emit(message);
                }
            } else if (frame instanceof InboundFrame.TurnEnded) {
                // a resume replays from the last transcript, so the marker of a turn already closed can come again
                if (turnOpen.getAndSet(false)) {
                    dispatcher.emit(new ChatEvent.TurnEnded());
                }
            } else if (frame instanceof InboundFrame.CommunicationEnded end) {
                ChatSocket current = socket;
                if (current != null) {
                    current.setReconnect(false);
                }
                finish(end.endedBy().orElse(endRequested ? EndedBy.USER : EndedBy.AGENT));
            } else if (frame instanceof InboundFrame.Start start) {
                if (start.communicationId() != null && !start.communicationId().equals(sessionId)) {
                    dispatcher.emit(new ChatEvent.Error(ErrorCode.UNEXPECTED_RESPONSE, "the server attached the socket of chat session "
                            + sessionId + " to another communication, " + start.communicationId(), false));
                }
            } else if (frame instanceof InboundFrame.Ignored ignored) {
                LOG.finest(() -> "chat session " + sessionId + ": ignored " + ignored.why());
            }
        }

        // Nothing follows Ended: a reconnect that was under way when the session ended reports nothing more.
        @Override
        public void onDisconnected(boolean willRetry, int code, String reason, int attempt) {
            if (!endedReported.get()) {
                dispatcher.emit(new ChatEvent.Disconnected(willRetry, code, reason, attempt));
            }
        }

        @Override
        public void onFailed(WonderfulException error) {
            if (!endedReported.get()) {
                dispatcher.emit(new ChatEvent.Error(error.code(), error.getMessage(), error.recoverable()));
            }
        }

        @Override
        public void onClosed(int code, String reason) {
            // Closed by the server (1000 without an end signal, or any close once the end was accepted): the
            // session is over. A close of our own (close(), or after the end was reported) is not an end.
            if (!closing) {
                EndedBy by = endRequested ? EndedBy.USER : EndedBy.SYSTEM;
                try {
                    endFallback = scheduler.schedule(() -> finish(by), CLOSE_GRACE);
                } catch (RejectedExecutionException e) {
                    finish(by);
                }
            }
        }
    }
}
