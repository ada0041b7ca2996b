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

    /** The real-time connection of session {@code sessionId} is open (first connection). */
    record Connected(String sessionId) implements ChatEvent {
        public Connected {
            Objects.requireNonNull(sessionId, "sessionId");
        }
    }

    /**
     * A message of the conversation, the user's own included (speaker {@link Speaker#CUSTOMER}). Each message is
     * delivered once, across any number of reconnects.
     *
     * @param id the transcript id (opaque), or null when the server gave none
     * @param createdAt when the server recorded it, or null when the server gave no time
     */
    record Message(String id, Speaker speaker, String text, Instant createdAt) implements ChatEvent {
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
     */
    record Disconnected(boolean willRetry, int code, String reason, int attempt) implements ChatEvent {
        public Disconnected {
            reason = reason == null ? "" : reason;
        }
    }

    /** The connection is open again after {@code attempts} reconnect attempts; nothing was lost or repeated. */
    record Reconnected(int attempts) implements ChatEvent {
    }

    /** Something failed that the application may want to act on, for example reconnecting gave up. */
    record Error(ErrorCode code, String message, boolean recoverable) implements ChatEvent {
        public Error {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

    /** The session ended; the last event of a session. */
    record Ended(EndedBy endedBy) implements ChatEvent {
        public Ended {
            Objects.requireNonNull(endedBy, "endedBy");
        }
    }

    /** The agent finished its turn: the messages of this turn have all arrived. */
    record TurnEnded() implements ChatEvent {
    }
}
