package cx.wonderful.microprofile.chat;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.auth.Identity;
import cx.wonderful.microprofile.chat.wire.ChatV3Api;
import cx.wonderful.microprofile.chat.wire.ChatV3Wire;
import cx.wonderful.microprofile.internal.ApiInvoker;
import cx.wonderful.microprofile.internal.CredentialSource;
import cx.wonderful.microprofile.internal.IdentityCredentials;
import cx.wonderful.microprofile.internal.RestClients;
import cx.wonderful.microprofile.internal.Setting;
import cx.wonderful.microprofile.internal.WireContract;
import cx.wonderful.microprofile.internal.WonderfulSettings;
import cx.wonderful.microprofile.realtime.RealtimeClient;
import cx.wonderful.microprofile.realtime.RealtimeExecutors;
import cx.wonderful.microprofile.telemetry.Telemetry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Starts and recovers chats with Wonderful agents (the SDK's {@code chat} module).
 *
 * <p><b>Start.</b> {@link #start} validates the request before any network call, creates the session with the
 * Chat V3 API ({@code POST /api/workspace/{wonderful.workspace-id}/v3/chat}: the session id comes back with the
 * answer, so a failure of the socket never loses it), then opens the agent chat WebSocket on that session
 * ({@code ...&sessionId=<id>}) and sends {@code init} with the metadata and the participants. It returns once the
 * socket is open: the session is {@link ChatStatus#IN_PROGRESS}, {@link cx.wonderful.microprofile.realtime.ConnectionState#CONNECTED}.
 *
 * <p><b>Recover.</b> {@link #recover} reads the session's history from the Chat V3 events, then (unless the session
 * has ended) reopens the socket on the session's agent. What it guarantees: {@link ChatSession#messages()} holds the
 * history as the server gave it, then every live message, none twice, when either the history carries transcript
 * ids (the socket then resumes {@code after} the last one) or the socket, resumed with no id, replays the
 * conversation from its start (recognised by position on speaker and text, never on times, whose precision and
 * format may differ between the channels). A server that does neither may show a message twice; none is lost. The
 * agent is the one the caller names ({@link #recover(String, String, ChatEventListener)}), else the one the history
 * answer names ({@code data.agent_id}, CHOSEN and optional), else {@code wonderful.agent-id}; with none of them,
 * {@code VALIDATION_ERROR} saying so.
 *
 * <p><b>Takeover.</b> {@link #recover(String, String, ChatEventListener)} continues on this instance a chat that
 * another instance (a node lost, an application redeployed) started: from the session id and the id of the last
 * message the user saw, the listener gets every message after it, once, then the live events.
 *
 * <p><b>Ownership.</b> The bean keeps a registry of its live sessions. When the application stops
 * ({@code @PreDestroy}) every session's socket is closed with 1001 (going away) and nothing is reported or opened
 * after; the sessions stay open at the server, for another instance to recover. {@code start} and {@code recover}
 * complete within {@code wonderful.chat.start-timeout}, or fail.
 *
 * <p><b>Configuration.</b> {@code wonderful.workspace-id} (required), {@code wonderful.agent-id} (the agent when a
 * request names none), the WebSocket keys {@code wonderful.ws.ping-interval}, {@code wonderful.ws.pong-timeout},
 * {@code wonderful.ws.max-reconnect-attempts} and {@code wonderful.retry-delay} (the backoff base), besides the base
 * URL and credential; their defaults are in README's configuration table. REST calls use the {@code wonderful-chat}
 * rest client key: every standard {@code wonderful-chat/mp-rest/...} key applies over the {@code wonderful.*}
 * settings, {@code scope} excepted (README, Configuration).
 *
 * <p><b>Errors.</b> Every failure is a {@link WonderfulException}: thrown by the blocking methods, the failure of
 * the stage of the asynchronous ones.
 */
@ApplicationScoped
public class WonderfulChat {

    private static final int MAX_MESSAGE_ID_LENGTH = 256;

    private WonderfulSettings settings;
    private ApiInvoker invoker;
    private Supplier<ChatV3Api> api;
    private RealtimeClient realtime;
    private RealtimeExecutors executors;
    private Consumer<ChatSessionEvent> observers;
    private IdentityCredentials identities;
    private CredentialSource credentials;
    /** Shared by every {@link #as} view of this bean, so that shutdown closes the sessions they started too. */
    private ChatSessions sessions = new ChatSessions();
    private Telemetry telemetry = Telemetry.off();

    /** For the CDI container's proxy. */
    protected WonderfulChat() {
    }

    @Inject
    public WonderfulChat(WonderfulSettings settings, RestClients restClients, ApiInvoker invoker, RealtimeClient realtime,
            RealtimeExecutors executors, BeanManager beanManager, IdentityCredentials identities) {
        this(settings, lazy(() -> restClients.create(ChatV3Api.class, ChatV3Api.CONFIG_KEY)), invoker, realtime, executors,
                new CdiObservers(beanManager), identities);
    }

    WonderfulChat(WonderfulSettings settings, Supplier<ChatV3Api> api, ApiInvoker invoker, RealtimeClient realtime,
            RealtimeExecutors executors, Consumer<ChatSessionEvent> observers, IdentityCredentials identities) {
        this.identities = Objects.requireNonNull(identities, "identities");
        this.credentials = identities.application();
        this.settings = Objects.requireNonNull(settings, "settings");
        this.api = Objects.requireNonNull(api, "api");
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        this.realtime = Objects.requireNonNull(realtime, "realtime");
        this.executors = Objects.requireNonNull(executors, "executors");
        this.observers = Objects.requireNonNull(observers, "observers");
    }

    /** Each session's connection life is then the span {@code chat.session} (README, "Telemetry"). */
    @Inject
    void telemetry(Telemetry telemetry) {
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    }

    /** A copy acting as {@code identity}, with everything else shared. */
    private WonderfulChat(WonderfulChat of, CredentialSource credentials) {
        this(of.settings, of.api, of.invoker, of.realtime, of.executors, of.observers, of.identities);
        this.credentials = credentials;
        this.sessions = of.sessions;
        this.telemetry = of.telemetry;
    }

    /**
     * This chat acting as {@code identity}: every session it starts or recovers runs with that identity's
     * credential, on its REST calls and on every WebSocket handshake (an end user's own JWT, never the API key).
     * Cheap; make one per request. The methods of this bean itself act as {@link Identity#application()}.
     * <pre>{@code chat.as(Identity.endUser(userId)).start(StartChat.from(email, ParticipantType.EMAIL))}</pre>
     *
     * @throws WonderfulException see {@link IdentityCredentials#sourceFor}
     */
    public WonderfulChat as(Identity identity) {
        return new WonderfulChat(this, identities.sourceFor(identity));
    }

    /**
     * Starts a chat and waits until its real-time connection is open.
     *
     * @throws WonderfulException {@code MISSING_PARTICIPANT} without {@code from} or {@code fromType};
     *         {@code VALIDATION_ERROR} for a bad {@code fromType}/{@code toType}, a phone number without its
     *         country code, an address that is not one, a bad locale or metadata value, or no agent at all;
     *         {@code CONFIGURATION_ERROR} without {@code wonderful.workspace-id}; else the error of the create call
     *         or of the handshake (its message names the session id, which can then be recovered);
     *         {@code NETWORK_ERROR} when it did not complete within {@code wonderful.chat.start-timeout} (the create
     *         request is never sent twice, so there is at most one session, named in the message once known);
     *         {@code CONNECTION_LOST} once the application is stopping
     */
    public ChatSession start(StartChat request) {
        return start(request, null);
    }

    /** {@link #start(StartChat)} with a listener registered before the session connects, so that it misses no event. */
    public ChatSession start(StartChat request, ChatEventListener listener) {
        return await(startAsync(request, listener));
    }

    /** {@link #start(StartChat)} without blocking. */
    public CompletionStage<ChatSession> startAsync(StartChat request) {
        return startAsync(request, null);
    }

    /** {@link #start(StartChat, ChatEventListener)} without blocking. */
    public CompletionStage<ChatSession> startAsync(StartChat request, ChatEventListener listener) {
        ValidatedStart start;
        ChatCommands commands;
        try {
            start = ChatValidation.start(request, settings.agentId());
            commands = commands();
            sessions.checkOpen();
        } catch (WonderfulException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<ChatSession> outcome = new CompletableFuture<>();
        AtomicReference<String> created = new AtomicReference<>();
        AtomicReference<LiveChatSession> connecting = new AtomicReference<>();
        CompletionStage<ChatSession> work = commands.create(start).thenCompose(answer -> {
            String sessionId = sessionIdOf(answer);
            created.set(sessionId);
            if (outcome.isDone()) {
                return CompletableFuture.failedFuture(timedOut("chat.start", sessionId));
            }
            LiveChatSession session = session(sessionId, ChatStatus.IN_PROGRESS, commands, new TranscriptLedger(), listener,
                    Frames.init(start), ReplayWindow.none());
            return connectInTime(session, start.agentId(), connecting, outcome);
        });
        return Deadline.bound(work, outcome, settings.chatStartTimeout(), executors.scheduler(),
                () -> timedOut("chat.start", created.get()), () -> abandon(connecting), ChatSession::close);
    }

    /**
     * Recovers a session by its id: its history in {@link ChatSession#messages()}, then live events. An ended
     * session comes back {@link ChatStatus#ENDED} with its history and no connection.
     *
     * @throws WonderfulException {@code SESSION_NOT_FOUND} when no session has this id; {@code VALIDATION_ERROR} for
     *         a blank or malformed id (nothing sent), or when the server does not name the session's agent and
     *         {@code wonderful.agent-id} is not set
     */
    public ChatSession recover(String sessionId) {
        return recover(sessionId, null);
    }

    /** {@link #recover(String)} with a listener registered before the session reconnects. */
    public ChatSession recover(String sessionId, ChatEventListener listener) {
        return await(recoverAsync(sessionId, listener));
    }

    /**
     * Takes over a session another instance ran (or this one, before it closed the session): its history in
     * {@link ChatSession#messages()}, and to {@code listener} every message after {@code lastSeenMessageId} (the
     * {@link ChatEvent.Message#id()} of the last message the user saw), each once, then the live events. The
     * socket resumes after that message, so the server replays exactly what the user missed. An ended session
     * delivers the history's messages after it (when the history names it) and {@link ChatEvent.Ended}.
     *
     * @param lastSeenMessageId the last message the user saw, or null to deliver only what comes from now on
     *        (as {@link #recover(String, ChatEventListener)})
     * @throws WonderfulException as {@link #recover(String)}; {@code VALIDATION_ERROR} for a blank or malformed
     *         {@code lastSeenMessageId} (nothing sent); a server refusing the resume point refuses the handshake
     */
    public ChatSession recover(String sessionId, String lastSeenMessageId, ChatEventListener listener) {
        return await(recoverAsync(sessionId, null, lastSeenMessageId, listener));
    }

    /** {@link #recover(String)} without blocking. */
    public CompletionStage<ChatSession> recoverAsync(String sessionId) {
        return recoverAsync(sessionId, null);
    }

    /**
     * {@link #recover(String, String, ChatEventListener)} of a session whose agent the caller knows: the contract's
     * history answer does not name it, so a session of an agent other than {@code wonderful.agent-id} needs it here.
     *
     * @param agentId the session's agent, or null for the one the server names, else {@code wonderful.agent-id}
     * @param lastSeenMessageId the last message the user saw, or null to deliver only what comes from now on
     * @throws WonderfulException {@code VALIDATION_ERROR} for a malformed session, agent or message id (nothing
     *         sent), and as {@link #recover(String, String, ChatEventListener)}
     */
    public ChatSession recover(String sessionId, String agentId, String lastSeenMessageId, ChatEventListener listener) {
        return await(recoverAsync(sessionId, agentId, lastSeenMessageId, listener));
    }

    /** {@link #recover(String, ChatEventListener)} without blocking. */
    public CompletionStage<ChatSession> recoverAsync(String sessionId, ChatEventListener listener) {
        return recoverAsync(sessionId, null, null, listener);
    }

    /** {@link #recover(String, String, ChatEventListener)} without blocking. */
    public CompletionStage<ChatSession> recoverAsync(String sessionId, String lastSeenMessageId, ChatEventListener listener) {
        return recoverAsync(sessionId, null, lastSeenMessageId, listener);
    }

    /** {@link #recover(String, String, String, ChatEventListener)} without blocking. */
    public CompletionStage<ChatSession> recoverAsync(String sessionId, String agentId, String lastSeenMessageId,
            ChatEventListener listener) {
        String id;
        String lastSeen;
        ChatCommands commands;
        try {
            id = ChatValidation.sessionId(sessionId);
            lastSeen = lastSeenMessageId == null ? null : messageId(lastSeenMessageId);
            if (agentId != null) {
                ChatValidation.agent(java.util.Optional.of(agentId), java.util.Optional.empty());
            }
            commands = commands();
            sessions.checkOpen();
        } catch (WonderfulException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<ChatSession> outcome = new CompletableFuture<>();
        AtomicReference<LiveChatSession> connecting = new AtomicReference<>();
        CompletionStage<ChatSession> work = readHistory(commands, id, WireContract.CHAT_FIRST_CURSOR, new ChatHistory())
                .exceptionally(failure -> {
                    throw new CompletionException(notFoundAsSessionNotFound(id, failure));
                })
                .thenCompose(history -> {
                    TranscriptLedger ledger = new TranscriptLedger();
                    history.messages().forEach(ledger::accept);
                    ReplayWindow replay = ReplayWindow.after(lastSeen, history.messages());
                    if (history.ended()) {
                        LiveChatSession ended = session(id, ChatStatus.ENDED, commands, ledger, listener, null, replay);
                        if (lastSeen != null) {
                            ended.deliverEndedTakeover(history.endedBy().orElse(EndedBy.SYSTEM));
                        } else {
                            history.endedBy().ifPresent(ended::endedBefore);
                        }
                        return CompletableFuture.completedFuture(ended);
                    }
                    String agent = java.util.Optional.ofNullable(agentId).or(history::agentId).or(settings::agentId)
                            .orElseThrow(() -> new WonderfulException(ErrorCode.VALIDATION_ERROR, "chat session " + id
                                    + ": no agent to reconnect to: pass the session's agent to recover, or configure "
                                    + Setting.AGENT_ID.key() + " (the server's history does not name it)"));
                    ChatValidation.agent(java.util.Optional.of(agent), java.util.Optional.empty());
                    if (outcome.isDone()) {
                        return CompletableFuture.failedFuture(timedOut("chat.recover", id));
                    }
                    return connectInTime(session(id, ChatStatus.IN_PROGRESS, commands, ledger, listener, null, replay), agent,
                            connecting, outcome);
                });
        return Deadline.bound(work, outcome, settings.chatStartTimeout(), executors.scheduler(),
                () -> timedOut("chat.recover", id), () -> abandon(connecting), ChatSession::close);
    }

    /** Connects, unless the deadline passed meanwhile; the timer closes a session still connecting ({@link #abandon}). */
    private CompletionStage<ChatSession> connectInTime(LiveChatSession session, String agentId,
            AtomicReference<LiveChatSession> connecting, CompletableFuture<ChatSession> outcome) {
        connecting.set(session);
        if (outcome.isDone()) {
            session.close();
        }
        return connect(session, agentId);
    }

    /** The deadline passed: the session still connecting (if any) stops trying; it stays open at the server. */
    private static void abandon(AtomicReference<LiveChatSession> connecting) {
        LiveChatSession session = connecting.get();
        if (session != null) {
            session.close();
        }
    }

    /**
     * Lets every live session go when the application stops: each socket is closed with 1001 (going away), no
     * event is reported after, and the sessions stay open at the server for another instance to recover. Called by
     * the container when the application stops (and for a named client's chat, by the named client's owner); an
     * application does not call it.
     */
    @PreDestroy
    public void shutdown() {
        sessions.shutdown();
    }

    /** The live sessions of this bean: started or recovered, not yet ended or closed. */
    int liveSessions() {
        return sessions.size();
    }

    private CompletionStage<ChatHistory> readHistory(ChatCommands commands, String sessionId, String cursor, ChatHistory history) {
        return commands.events(sessionId, cursor).thenCompose(response -> {
            ChatHistory.Page page = history.add(response);
            boolean more = page.hasMore() && page.events() > 0 && page.cursor() != null && !page.cursor().equals(cursor);
            return more ? readHistory(commands, sessionId, page.cursor(), history) : CompletableFuture.completedFuture(history);
        });
    }

    private LiveChatSession session(String sessionId, ChatStatus status, ChatCommands commands, TranscriptLedger ledger,
            ChatEventListener listener, String initFrame, ReplayWindow replay) {
        SerialExecutor serial = new SerialExecutor(executors.events());
        EventDispatcher dispatcher = new EventDispatcher(sessionId, serial, observers);
        if (listener != null) {
            dispatcher.subscribe(listener);
        }
        return new LiveChatSession(sessionId, status, commands, ledger, serial, dispatcher, executors.scheduler(),
                settings.wsPongTimeout(), initFrame, sessions, replay);
    }

    private CompletionStage<ChatSession> connect(LiveChatSession session, String agentId) {
        String sessionId = session.sessionId();
        return session.connect(events -> realtime.create(sessionId,
                () -> realtime.agentChatUri(agentId, sessionId, session.resumeAfter()), telemetry.observe(sessionId, events), credentials));
    }

    private ChatCommands commands() {
        String workspaceId = settings.workspaceId().orElseThrow(() -> new WonderfulException(ErrorCode.CONFIGURATION_ERROR,
                Setting.WORKSPACE_ID.key() + " is required for chat (environment variable "
                + Setting.WORKSPACE_ID.envName() + ")"));
        return new ChatCommands(invoker, credentials, api, workspaceId, executors.commands());
    }

    private static String sessionIdOf(ChatV3Wire.Created created) {
        if (created == null || created.data() == null || created.data().sessionId() == null || created.data().sessionId().isBlank()) {
            throw new WonderfulException(ErrorCode.UNEXPECTED_RESPONSE, "chat.start: the answer carries no session_id");
        }
        return created.data().sessionId();
    }

    private WonderfulException timedOut(String operation, String sessionId) {
        return new WonderfulException(ErrorCode.NETWORK_ERROR, operation + " did not complete within "
                + settings.chatStartTimeout().toMillis() + " ms (" + Setting.CHAT_START_TIMEOUT.key() + ")"
                + (sessionId == null ? "" : "; chat session " + sessionId + " exists and can be recovered"), 0, true, null);
    }

    /** A transcript id as the resume point of a handshake: opaque, but one line of printable text. */
    private static String messageId(String id) {
        if (id.isBlank() || id.length() > MAX_MESSAGE_ID_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
            throw new WonderfulException(ErrorCode.VALIDATION_ERROR, "lastSeenMessageId must be a message id of at most "
                    + MAX_MESSAGE_ID_LENGTH + " printable characters");
        }
        return id;
    }

    private static WonderfulException notFoundAsSessionNotFound(String sessionId, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof WonderfulException wonderful) {
            if (wonderful.code() == ErrorCode.NOT_FOUND) {
                return new WonderfulException(ErrorCode.SESSION_NOT_FOUND, "no chat session " + sessionId, 404, false, wonderful);
            }
            return wonderful;
        }
        return new WonderfulException(ErrorCode.UNEXPECTED_RESPONSE, "chat.recover: " + cause, cause);
    }

    private static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof WonderfulException wonderful) {
                throw wonderful;
            }
            throw new WonderfulException(ErrorCode.UNEXPECTED_RESPONSE, String.valueOf(cause.getMessage()), cause);
        }
    }

    private static <T> Supplier<T> lazy(Supplier<T> factory) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T current = value;
                if (current == null) {
                    synchronized (this) {
                        if (value == null) {
                            value = factory.get();
                        }
                        current = value;
                    }
                }
                return current;
            }
        };
    }
}
