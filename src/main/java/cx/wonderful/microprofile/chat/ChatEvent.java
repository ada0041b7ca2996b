package cx.wonderful.microprofile.chat;

import cx.wonderful.microprofile.ErrorCode;
import java.time.Instant;
import java.util.Objects;

/**
 * What happens in a chat session, as the TypeScript SDK reports it, plus {@link TurnEnded}. A session delivers its
 * events in order, one at a time, to its listeners ({@link ChatSession#onEvent}) and as CDI events
 * ({@link ChatSessionEvent}). The set is closed: a {@code switch} over it needs no default.
 */
public sealed interface ChatEvent {

    /**
     * The real-time connection of session {@code sessionId} is open (first connection).
     *
     * @param sessionId the session's id
     */
    record Connected(String sessionId) implements ChatEvent {
        /**
         * The event for session {@code sessionId}.
         *
         * @param sessionId the session's id
         * @throws NullPointerException when {@code sessionId} is {@code null}
         */
        public Connected {
            Objects.requireNonNull(sessionId, "sessionId");
        }
    }

    /**
     * A message of the conversation, the user's own included (speaker {@link Speaker#CUSTOMER}). Each message is
     * delivered once, across any number of reconnects.
     *
     * @param id the transcript id (opaque), or null when the server gave none
     * @param speaker who said it; {@link Speaker#OTHER} for a speaker this library does not know
     * @param text what was said, as received
     * @param createdAt when the server recorded it, or null when the server gave no time
     */
    record Message(String id, Speaker speaker, String text, Instant createdAt) implements ChatEvent {
        /**
         * A message.
         *
         * @param id the transcript id, or null
         * @param speaker who said it
         * @param text what was said
         * @param createdAt when the server recorded it, or null
         * @throws NullPointerException when {@code speaker} or {@code text} is {@code null}
         */
        public Message {
            Objects.requireNonNull(speaker, "speaker");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * The connection was lost ({@code attempt} 0) or reconnect attempt {@code attempt} failed.
     *
     * @param willRetry whether another reconnect attempt follows; false is followed by an {@link Error}
     * @param code the WebSocket close code (1006 where the connection broke without a close frame or a handshake failed)
     * @param reason the close reason as received; empty when there was none
     * @param attempt 0 when the open connection was lost, else the number of the reconnect attempt that failed,
     *        from 1 (at most {@code wonderful.ws.max-reconnect-attempts}, default 5)
     */
    record Disconnected(boolean willRetry, int code, String reason, int attempt) implements ChatEvent {
        /**
         * A disconnection.
         *
         * @param willRetry whether another reconnect attempt follows
         * @param code the WebSocket close code
         * @param reason the close reason; {@code null} is taken as empty
         * @param attempt 0 for the loss of the open connection, else the failed attempt's number
         */
        public Disconnected {
            reason = reason == null ? "" : reason;
        }
    }

    /**
     * The connection is open again after {@code attempts} reconnect attempts; nothing was lost or repeated.
     *
     * @param attempts the number of the reconnect attempt that succeeded, from 1 (at most
     *        {@code wonderful.ws.max-reconnect-attempts}, default 5)
     */
    record Reconnected(int attempts) implements ChatEvent {
    }

    /**
     * Something failed that the application may want to act on, for example reconnecting gave up
     * ({@code CONNECTION_LOST}).
     *
     * @param code what failed
     * @param message what happened, fit for a log (it never contains a credential)
     * @param recoverable whether the application may succeed by trying again later (for example by recovering the
     *        session)
     */
    record Error(ErrorCode code, String message, boolean recoverable) implements ChatEvent {
        /**
         * An error.
         *
         * @param code what failed
         * @param message what happened
         * @param recoverable whether trying again later may succeed
         * @throws NullPointerException when {@code code} or {@code message} is {@code null}
         */
        public Error {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * The session ended; the last event of a session.
     *
     * @param endedBy who ended it
     */
    record Ended(EndedBy endedBy) implements ChatEvent {
        /**
         * The end of a session.
         *
         * @param endedBy who ended it
         * @throws NullPointerException when {@code endedBy} is {@code null}
         */
        public Ended {
            Objects.requireNonNull(endedBy, "endedBy");
        }
    }

    /** The agent finished its turn: the messages of this turn have all arrived. */
    record TurnEnded() implements ChatEvent {
    }
}
