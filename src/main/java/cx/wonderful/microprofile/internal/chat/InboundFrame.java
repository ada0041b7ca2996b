package cx.wonderful.microprofile.internal.chat;

import cx.wonderful.microprofile.chat.ChatEvent;
import cx.wonderful.microprofile.chat.EndedBy;
import java.util.Optional;

/** A frame from the agent chat WebSocket, as the session acts on it. */
sealed interface InboundFrame {

    /** {@code start}: the server attached the socket to communication {@code communicationId}. */
    record Start(String communicationId) implements InboundFrame {
    }

    /** {@code transcript} with text. */
    record Transcript(ChatEvent.Message message) implements InboundFrame {
    }

    /** {@code turn_ended}. */
    record TurnEnded() implements InboundFrame {
    }

    /** {@code communication_ended}, with {@code ended_by} when the server said. */
    record CommunicationEnded(Optional<EndedBy> endedBy) implements InboundFrame {
    }

    /** Anything else: a pong, a transcript without text, a type this version does not know, or malformed JSON. */
    record Ignored(String why) implements InboundFrame {
    }
}
