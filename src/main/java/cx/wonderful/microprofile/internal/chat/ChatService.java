package cx.wonderful.microprofile.internal.chat;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.auth.Identity;
import cx.wonderful.microprofile.chat.ChatEventListener;
import cx.wonderful.microprofile.chat.ChatSession;
import cx.wonderful.microprofile.chat.ChatSessionEvent;
import cx.wonderful.microprofile.chat.ChatStatus;
import cx.wonderful.microprofile.chat.EndedBy;
import cx.wonderful.microprofile.chat.StartChat;
import cx.wonderful.microprofile.chat.WonderfulChat;
import cx.wonderful.microprofile.chat.wire.ChatV3Api;
import cx.wonderful.microprofile.chat.wire.ChatV3Wire;
import cx.wonderful.microprofile.internal.ApiInvoker;
import cx.wonderful.microprofile.internal.CredentialSource;
import cx.wonderful.microprofile.internal.IdentityCredentials;
import cx.wonderful.microprofile.internal.Lazy;
import cx.wonderful.microprofile.internal.RestClients;
import cx.wonderful.microprofile.internal.Setting;
import cx.wonderful.microprofile.internal.WireContract;
import cx.wonderful.microprofile.internal.WonderfulSettings;
import cx.wonderful.microprofile.internal.realtime.RealtimeClient;
import cx.wonderful.microprofile.internal.realtime.RealtimeExecutors;
import cx.wonderful.microprofile.internal.telemetry.Telemetry;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The {@link WonderfulChat} of one client configuration. It keeps a registry of its live sessions (shared by its
 * {@link #as} views), which {@link #shutdown()} lets go when the application stops. Framework-free: built by its
 * client.
 */
public final class ChatService implements WonderfulChat {

    private static final int MAX_MESSAGE_ID_LENGTH = 256;

    private final WonderfulSettings settings;
    private final ApiInvoker invoker;
    private final Supplier<ChatV3Api> api;
    private final RealtimeClient realtime;
    private final RealtimeExecutors executors;
    private final Consumer<ChatSessionEvent> observers;
    private final IdentityCredentials identities;
    private final CredentialSource credentials;
    private final ChatSessions sessions;
    private final Telemetry telemetry;

    /**
     * @param observers where every session's events go besides its listeners (the CDI layer fires them as CDI events)
     * @param telemetry records each session's connection life as the span {@code chat.session} (README, "Telemetry")
     */
    public ChatService(WonderfulSettings settings, RestClients restClients, ApiInvoker invoker, RealtimeClient realtime,
            RealtimeExecutors executors, Consumer<ChatSessionEvent> observers, IdentityCredentials identities,
            Telemetry telemetry) {
        this(settings, Lazy.of(() -> restClients.create(ChatV3Api.class, ChatV3Api.CONFIG_KEY)), invoker, realtime, executors,
                observers, identities, identities.application(), new ChatSessions(), telemetry);
    }

    ChatService(WonderfulSettings settings, Supplier<ChatV3Api> api, ApiInvoker invoker, RealtimeClient realtime,
            RealtimeExecutors executors, Consumer<ChatSessionEvent> observers, IdentityCredentials identities) {
        this(settings, api, invoker, realtime, executors, observers, identities, identities.application(),
                new ChatSessions(), Telemetry.off());
    }

    private ChatService(WonderfulSettings settings, Supplier<ChatV3Api> api, ApiInvoker invoker, RealtimeClient realtime,
            RealtimeExecutors executors, Consumer<ChatSessionEvent> observers, IdentityCredentials identities,
            CredentialSource credentials, ChatSessions sessions, Telemetry telemetry) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.api = Objects.requireNonNull(api, "api");
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        this.realtime = Objects.requireNonNull(realtime, "realtime");
        this.executors = Objects.requireNonNull(executors, "executors");
        this.observers = Objects.requireNonNull(observers, "observers");
        this.identities = Objects.requireNonNull(identities, "identities");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    }

    @Override
    public WonderfulChat as(Identity identity) {
        return new ChatService(settings, api, invoker, realtime, executors, observers, identities,
                identities.sourceFor(identity), sessions, telemetry);
    }

    @Override
    public ChatSession start(StartChat request) {
        return start(request, null);
    }

    @Override
    public ChatSession start(StartChat request, ChatEventListener listener) {
        return await(startAsync(request, listener));
    }

    @Override
    public CompletionStage<ChatSession> startAsync(StartChat request) {
        return startAsync(request, null);
    }

    @Override
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

    @Override
    public ChatSession recover(String sessionId) {
        return recover(sessionId, null);
    }

    @Override
    public ChatSession recover(String sessionId, ChatEventListener listener) {
        return await(recoverAsync(sessionId, listener));
    }

    @Override
    public ChatSession recover(String sessionId, String lastSeenMessageId, ChatEventListener listener) {
        return await(recoverAsync(sessionId, null, lastSeenMessageId, listener));
    }

    @Override
    public CompletionStage<ChatSession> recoverAsync(String sessionId) {
        return recoverAsync(sessionId, null);
    }

    @Override
    public ChatSession recover(String sessionId, String agentId, String lastSeenMessageId, ChatEventListener listener) {
        return await(recoverAsync(sessionId, agentId, lastSeenMessageId, listener));
    }

    @Override
    public CompletionStage<ChatSession> recoverAsync(String sessionId, ChatEventListener listener) {
        return recoverAsync(sessionId, null, null, listener);
    }

    @Override
    public CompletionStage<ChatSession> recoverAsync(String sessionId, String lastSeenMessageId, ChatEventListener listener) {
        return recoverAsync(sessionId, null, lastSeenMessageId, listener);
    }

    @Override
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
     * the client that owns this chat.
     */
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
}
