package cx.wonderful.microprofile.chat;

import cx.wonderful.microprofile.Wonderful;

import cx.wonderful.microprofile.chat.ConnectionState;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A chat between an end user and a Wonderful agent, started or recovered with {@link WonderfulChat}. Messages are
 * sent over the Chat V3 REST API (with the library's credential refresh and retry policy) and the conversation
 * arrives over the agent chat WebSocket, which reconnects and resumes by itself. Thread-safe.
 */
public interface ChatSession {

    /** The session id, which is also the communication id in Wonderful; keep it to {@link WonderfulChat#recover recover} the session. */
    String sessionId();

    /** {@link ChatStatus#IN_PROGRESS} until the session ends, then {@link ChatStatus#ENDED}. */
    ChatStatus status();

    /**
     * Who ended the session: the same {@link EndedBy} as its {@link ChatEvent.Ended}, also for a session
     * {@link WonderfulChat#recover recovered} after it had ended (as the server's history says). Empty while the
     * session is in progress, and for a session recovered after it had ended (without a last message seen) whose
     * history does not say who ended it.
     */
    Optional<EndedBy> endedBy();

    /**
     * The conversation so far, oldest first, the user's own messages included: an immutable snapshot (the history
     * for a recovered session, then every message received). No message appears twice.
     */
    List<ChatEvent.Message> messages();

    /** The state of the real-time connection; {@link ConnectionState#CLOSED} once the session has ended. */
    ConnectionState connectionState();

    /**
     * Sends a text message as the user. The stage completes when the server has accepted the message (a 2xx
     * answer); the message then also arrives as a {@link ChatEvent.Message} of speaker {@link Speaker#CUSTOMER}.
     * It works while the connection is reconnecting. It fails, never silently, with a
     * {@link cx.wonderful.microprofile.WonderfulException}: {@code VALIDATION_ERROR} for a null or blank text
     * (nothing sent), {@code SESSION_ENDED} once the session has ended, or the error of the request after the
     * library's retries ({@code NETWORK_ERROR}, {@code UNAUTHORIZED}, ...). Sending does not block: the request
     * runs on the library's command threads; a thread that then waits for the stage ({@code get}, {@code join} of
     * {@code toCompletableFuture()}) makes the request itself if no command thread has started it yet, so such a
     * wait lasts as long as the request (bounded by the request timeout), whatever timeout is given to {@code get}.
     */
    CompletionStage<Void> send(String text);

    /**
     * Registers a listener for the events from now on (see {@link ChatEvent} for order and threads). To miss no
     * event, pass the listener to {@link WonderfulChat#start(StartChat, ChatEventListener)} instead.
     */
    Subscription onEvent(ChatEventListener listener);

    /**
     * Ends the session for the user (the Chat V3 end action) and turns reconnecting off. The stage completes when
     * the server has accepted the end; {@link ChatEvent.Ended} with {@link EndedBy#USER} follows once the server
     * has closed the conversation (or at once when the socket is not open). Never waits for the socket to close.
     * Ending an ended session completes at once. On failure the session stays in progress and reconnects again.
     */
    CompletionStage<Void> end();

    /**
     * Closes this session's real-time connection without ending the session: no more events arrive, and the
     * session can be {@link WonderfulChat#recover recovered} later. Returns at once.
     */
    void close();
}
