package cx.wonderful.microprofile.chat;

import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.auth.Identity;
import java.util.concurrent.CompletionStage;

/**
 * Starts and recovers chats with Wonderful agents (the SDK's {@code chat} module).
 *
 * <p><b>Start.</b> {@link #start} validates the request before any network call, creates the session with the
 * Chat V3 API ({@code POST /api/workspace/{wonderful.workspace-id}/v3/chat}: the session id comes back with the
 * answer, so a failure of the socket never loses it), then opens the agent chat WebSocket on that session
 * ({@code ...&sessionId=<id>}) and sends {@code init} with the metadata and the participants. It returns once the
 * socket is open: the session is {@link ChatStatus#IN_PROGRESS}, {@link ConnectionState#CONNECTED}.
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
 * <p><b>Ownership.</b> The chat keeps a registry of its live sessions. When the application stops
 * (or its {@code WonderfulSdk} is closed) every session's socket is closed with 1001 (going away) and nothing is reported or opened
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
public interface WonderfulChat {

    /**
     * This chat acting as {@code identity}: every session it starts or recovers runs with that identity's
     * credential, on its REST calls and on every WebSocket handshake (an end user's own JWT, never the API key).
     * Cheap; make one per request. The methods of the injected (or built) instance itself act as {@link Identity#application()}.
     * <pre>{@code chat.as(Identity.endUser(userId)).start(StartChat.from(email, ParticipantType.EMAIL))}</pre>
     *
     * @param identity who the calls act as
     * @return a view acting as {@code identity}
     * @throws WonderfulException {@code VALIDATION_ERROR} for {@code null}; {@code NOT_AUTHENTICATED} for
     *         {@link Identity#inboundToken()} without an inbound bearer token (or outside a JAX-RS request);
     *         {@code CONFIGURATION_ERROR} for an end user when nothing can get their JWT (neither
     *         {@code wonderful.api-key} nor a {@link cx.wonderful.microprofile.auth.TokenRefresher})
     */
    WonderfulChat as(Identity identity);

    /**
     * Starts a chat and waits until its real-time connection is open.
     *
     * @param request what to start: the participants, metadata and agent
     * @return the session
     * @throws WonderfulException {@code MISSING_PARTICIPANT} without {@code from} or {@code fromType};
     *         {@code VALIDATION_ERROR} for a bad {@code fromType}/{@code toType}, a phone number without its
     *         country code, an address that is not one, a bad locale or metadata value, or no agent at all;
     *         {@code CONFIGURATION_ERROR} without {@code wonderful.workspace-id}; else the error of the create call
     *         or of the handshake (its message names the session id, which can then be recovered);
     *         {@code NETWORK_ERROR} when it did not complete within {@code wonderful.chat.start-timeout} (the create
     *         request is never sent twice, so there is at most one session, named in the message once known);
     *         {@code CONNECTION_LOST} once the application is stopping
     */
    ChatSession start(StartChat request);

    /**
     * {@link #start(StartChat)} with a listener registered before the session connects, so that it misses no event.
     *
     * @param request what to start: the participants, metadata and agent
     * @param listener gets every event of the session, in order, from its first; {@code null} for none
     * @return the session
     * @throws WonderfulException as {@link #start(StartChat)}
     */
    ChatSession start(StartChat request, ChatEventListener listener);

    /**
     * {@link #start(StartChat)} without blocking.
     *
     * @param request what to start: the participants, metadata and agent
     * @return a stage completed with the session, or failed with the {@link WonderfulException}
     */
    CompletionStage<ChatSession> startAsync(StartChat request);

    /**
     * {@link #start(StartChat, ChatEventListener)} without blocking.
     *
     * @param request what to start: the participants, metadata and agent
     * @param listener gets every event of the session, in order, from its first; {@code null} for none
     * @return a stage completed with the session, or failed with the {@link WonderfulException}
     */
    CompletionStage<ChatSession> startAsync(StartChat request, ChatEventListener listener);

    /**
     * Recovers a session by its id: its history in {@link ChatSession#messages()}, then live events. An ended
     * session comes back {@link ChatStatus#ENDED} with its history and no connection.
     *
     * @param sessionId the session's id, as {@link ChatSession#sessionId()} gave it
     * @return the session
     * @throws WonderfulException {@code SESSION_NOT_FOUND} when no session has this id; {@code VALIDATION_ERROR} for
     *         a blank or malformed id (nothing sent), or when the server does not name the session's agent and
     *         {@code wonderful.agent-id} is not set
     */
    ChatSession recover(String sessionId);

    /**
     * {@link #recover(String)} with a listener registered before the session reconnects.
     *
     * @param sessionId the session's id, as {@link ChatSession#sessionId()} gave it
     * @param listener gets every event of the session, in order, from its first; {@code null} for none
     * @return the session
     * @throws WonderfulException as {@link #recover(String)}
     */
    ChatSession recover(String sessionId, ChatEventListener listener);

    /**
     * Takes over a session another instance ran (or this one, before it closed the session): its history in
     * {@link ChatSession#messages()}, and to {@code listener} every message after {@code lastSeenMessageId} (the
     * {@link ChatEvent.Message#id()} of the last message the user saw), each once, then the live events. The
     * socket resumes after that message, so the server replays exactly what the user missed. An ended session
     * delivers the history's messages after it (when the history names it) and {@link ChatEvent.Ended}.
     *
     * @param lastSeenMessageId the last message the user saw, or null to deliver only what comes from now on
     *        (as {@link #recover(String, ChatEventListener)})
     * @param sessionId the session's id, as {@link ChatSession#sessionId()} gave it
     * @param listener gets every event of the session, in order, from its first; {@code null} for none
     * @return the session
     * @throws WonderfulException as {@link #recover(String)}; {@code VALIDATION_ERROR} for a blank or malformed
     *         {@code lastSeenMessageId} (nothing sent); a server refusing the resume point refuses the handshake
     */
    ChatSession recover(String sessionId, String lastSeenMessageId, ChatEventListener listener);

    /**
     * {@link #recover(String)} without blocking.
     *
     * @param sessionId the session's id, as {@link ChatSession#sessionId()} gave it
     * @return a stage completed with the session, or failed with the {@link WonderfulException}
     */
    CompletionStage<ChatSession> recoverAsync(String sessionId);

    /**
     * {@link #recover(String, String, ChatEventListener)} of a session whose agent the caller knows: the contract's
     * history answer does not name it, so a session of an agent other than {@code wonderful.agent-id} needs it here.
     *
     * @param agentId the session's agent, or null for the one the server names, else {@code wonderful.agent-id}
     * @param lastSeenMessageId the last message the user saw, or null to deliver only what comes from now on
     * @param sessionId the session's id, as {@link ChatSession#sessionId()} gave it
     * @param listener gets every event of the session, in order, from its first; {@code null} for none
     * @return the session
     * @throws WonderfulException {@code VALIDATION_ERROR} for a malformed session, agent or message id (nothing
     *         sent), and as {@link #recover(String, String, ChatEventListener)}
     */
    ChatSession recover(String sessionId, String agentId, String lastSeenMessageId, ChatEventListener listener);

    /**
     * {@link #recover(String, ChatEventListener)} without blocking.
     *
     * @param sessionId the session's id, as {@link ChatSession#sessionId()} gave it
     * @param listener gets every event of the session, in order, from its first; {@code null} for none
     * @return a stage completed with the session, or failed with the {@link WonderfulException}
     */
    CompletionStage<ChatSession> recoverAsync(String sessionId, ChatEventListener listener);

    /**
     * {@link #recover(String, String, ChatEventListener)} without blocking.
     *
     * @param sessionId the session's id, as {@link ChatSession#sessionId()} gave it
     * @param lastSeenMessageId the id of the last message the user saw, or {@code null}
     * @param listener gets every event of the session, in order, from its first; {@code null} for none
     * @return a stage completed with the session, or failed with the {@link WonderfulException}
     */
    CompletionStage<ChatSession> recoverAsync(String sessionId, String lastSeenMessageId, ChatEventListener listener);

    /**
     * {@link #recover(String, String, String, ChatEventListener)} without blocking.
     *
     * @param sessionId the session's id, as {@link ChatSession#sessionId()} gave it
     * @param agentId the session's agent, or {@code null}
     * @param lastSeenMessageId the id of the last message the user saw, or {@code null}
     * @param listener gets every event of the session, in order, from its first; {@code null} for none
     * @return a stage completed with the session, or failed with the {@link WonderfulException}
     */
    CompletionStage<ChatSession> recoverAsync(String sessionId, String agentId, String lastSeenMessageId,
            ChatEventListener listener);
}

