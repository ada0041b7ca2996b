package cx.wonderful.microprofile.chat;

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

    /**
     * The session id, which is also the communication id in Wonderful; keep it to {@link WonderfulChat#recover recover} the session.
     *
     * @return the session id, never {@code null}
     */
    String sessionId();

    /**
     * Whether the session still takes messages.
     *
     * @return {@link ChatStatus#IN_PROGRESS} until the session ends, then {@link ChatStatus#ENDED} (from the moment
     *         the server accepted {@link #end()}, or the session ended otherwise; {@link ChatEvent.Ended} may follow)
     */
    ChatStatus status();

    /**
     * Who ended the session: the same {@link EndedBy} as its {@link ChatEvent.Ended}, also for a session
     * {@link WonderfulChat#recover recovered} after it had ended (as the server's history says). Empty while the
     * session is in progress, and for a session recovered after it had ended (without a last message seen) whose
     * history does not say who ended it.
     *
     * @return who ended the session, when known
     */
    Optional<EndedBy> endedBy();

    /**
     * The conversation so far, oldest first, the user's own messages included: an immutable snapshot (the history
     * for a recovered session, then every message received). No message appears twice.
     *
     * @return the messages, an immutable list that later messages do not change; empty before the first
     */
    List<ChatEvent.Message> messages();

    /**
     * The state of the real-time connection.
     *
     * @return the connection's current state; {@link ConnectionState#CLOSED} from the return of {@link #close()},
     *         and once the session has ended, after its {@link ChatEvent.Ended} has been delivered
     */
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
     * The request timeout is {@code wonderful.request-timeout} (default 30 s) per attempt. A message is never sent
     * twice: it is tried again (at most {@code wonderful.max-retries} times, default 3) only when the connection
     * could not be opened; after a failure that may have reached the server (a reset, a read timeout) the stage
     * fails with {@code NETWORK_ERROR}, and the message may have been delivered.
     *
     * @param text the message, as it is sent (nothing is trimmed): at least one character that is not whitespace,
     *        at most 4096 characters, no control character other than tab, line feed and carriage return, and no
     *        unpaired surrogate
     * @return a stage that completes with {@code null} when the server has accepted the message, or fails with a
     *         {@link cx.wonderful.microprofile.WonderfulException}: {@code VALIDATION_ERROR} for a {@code text} that
     *         breaks the rules above (nothing sent), {@code SESSION_ENDED} once the session has ended (also when the
     *         server answers that it has: the session then ends), else the error of the request after the retries;
     *         this method itself never throws
     */
    CompletionStage<Void> send(String text);

    /**
     * Registers a listener for the events from now on (see {@link ChatEvent} for order and threads). To miss no
     * event, pass the listener to {@link WonderfulChat#start(StartChat, ChatEventListener)} instead.
     *
     * @param listener the listener; registering the same one twice delivers each event to it twice
     * @return the registration, to {@link Subscription#unsubscribe() unsubscribe} the listener
     * @throws NullPointerException when {@code listener} is {@code null}
     */
    Subscription onEvent(ChatEventListener listener);

    /**
     * Ends the session for the user (the Chat V3 end action) and turns reconnecting off. The stage completes when
     * the server has accepted the end; {@link ChatEvent.Ended} with {@link EndedBy#USER} follows once the server
     * has closed the conversation (or at once when the socket is not open). Never waits for the socket to close.
     * Ending an ended session completes at once. On failure the session stays in progress and reconnects again.
     *
     * @return a stage that completes with {@code null} when the server has accepted the end (or at once when the
     *         session has already ended; also when the server answers that it has), or fails with the
     *         {@link cx.wonderful.microprofile.WonderfulException} of the request after the library's retries; this
     *         method itself never throws
     */
    CompletionStage<Void> end();

    /**
     * Closes this session's real-time connection without ending the session: no more events arrive, and the
     * session can be {@link WonderfulChat#recover recovered} later. Returns at once.
     */
    void close();
}
