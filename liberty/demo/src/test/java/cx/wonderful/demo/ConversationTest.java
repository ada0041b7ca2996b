package cx.wonderful.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.chat.ChatEvent;
import cx.wonderful.microprofile.chat.ChatEventListener;
import cx.wonderful.microprofile.chat.ChatSession;
import cx.wonderful.microprofile.chat.ChatStatus;
import cx.wonderful.microprofile.chat.ConnectionState;
import cx.wonderful.microprofile.chat.EndedBy;
import cx.wonderful.microprofile.chat.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** When the relay takes a conversation as over (a new chat then), and what a send does once its connection gave up. */
class ConversationTest {

    @Test
    void aConversationInProgressGoesOnAndSends() {
        RecordingSession session = new RecordingSession(ChatStatus.IN_PROGRESS, ConnectionState.RECONNECTING);
        Conversation conversation = started(session);

        assertFalse(conversation.over(), "reconnecting may still succeed");
        conversation.send("hello").toCompletableFuture().join();
        assertEquals(List.of("hello"), session.sent);
    }

    @Test
    void aConnectionThatGaveUpIsOverAndRefusesToSendWithNothingSent() {
        RecordingSession session = new RecordingSession(ChatStatus.IN_PROGRESS, ConnectionState.DISCONNECTED);
        Conversation conversation = started(session);

        assertTrue(conversation.over());
        CompletionException failure = assertThrows(CompletionException.class,
                () -> conversation.send("anyone?").toCompletableFuture().join());
        WonderfulException error = (WonderfulException) failure.getCause();
        assertEquals(ErrorCode.CONNECTION_LOST, error.code());
        assertTrue(error.getMessage().contains("new chat"), error.getMessage());
        assertEquals(List.of(), session.sent, "nothing sent");
    }

    @Test
    void anEndedConversationIsOver() {
        assertTrue(started(new RecordingSession(ChatStatus.ENDED, ConnectionState.CLOSED)).over());
    }

    @Test
    void aConversationNotStartedYetIsNotOver() {
        assertFalse(new Conversation().over());
    }

    @Test
    void closingLetsTheConnectionGoWithoutEndingTheChat() {
        RecordingSession session = new RecordingSession(ChatStatus.IN_PROGRESS, ConnectionState.CONNECTED);
        Conversation conversation = started(session);

        conversation.close();

        assertTrue(session.closed, "the connection is closed");
        assertFalse(session.endRequested, "the chat is not ended (no request to the API at shutdown)");
    }

    private static Conversation started(ChatSession session) {
        Conversation conversation = new Conversation();
        conversation.startIfNeeded(listener -> session);
        return conversation;
    }

    /** A session in a fixed state that records what it was asked to do. */
    private static final class RecordingSession implements ChatSession {

        private final ChatStatus status;
        private final ConnectionState connectionState;
        final List<String> sent = new ArrayList<>();
        boolean closed;
        boolean endRequested;

        RecordingSession(ChatStatus status, ConnectionState connectionState) {
            this.status = status;
            this.connectionState = connectionState;
        }

        @Override
        public String sessionId() {
            return "s-1";
        }

        @Override
        public ChatStatus status() {
            return status;
        }

        @Override
        public Optional<EndedBy> endedBy() {
            return Optional.empty();
        }

        @Override
        public List<ChatEvent.Message> messages() {
            return List.of();
        }

        @Override
        public ConnectionState connectionState() {
            return connectionState;
        }

        @Override
        public CompletionStage<Void> send(String text) {
            sent.add(text);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public Subscription onEvent(ChatEventListener listener) {
            throw new UnsupportedOperationException("not used by the relay");
        }

        @Override
        public CompletionStage<Void> end() {
            endRequested = true;
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
