package cx.wonderful.it.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.it.support.Deployments;
import cx.wonderful.it.support.Simulator;
import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.WonderfulSdk;
import cx.wonderful.microprofile.chat.ChatEvent;
import cx.wonderful.microprofile.chat.ChatSession;
import cx.wonderful.microprofile.chat.ChatStatus;
import cx.wonderful.microprofile.chat.ConnectionState;
import cx.wonderful.microprofile.chat.EndedBy;
import cx.wonderful.microprofile.chat.ParticipantType;
import cx.wonderful.microprofile.chat.Speaker;
import cx.wonderful.microprofile.chat.StartChat;
import cx.wonderful.microprofile.chat.WonderfulChat;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Inside Liberty, against the simulator: whole conversations, the agent ending, drops, give-up, recovery, CDI events. */
@ExtendWith(ArquillianExtension.class)
class ChatConversationIT {

    private static final String GOODBYE = "Goodbye! Thanks for chatting with Wonderful.";

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("chat-conversation", ChatConversationIT.class, EventLog.class, ChatEventsObserver.class,
                ThrowingObserver.class);
    }

    @Inject
    WonderfulChat chat;
    @Inject
    ChatEventsObserver observer;

    @BeforeEach
    void reset() {
        Simulator.reset();
    }

    private static StartChat request() {
        return StartChat.builder().from("+14155550123").fromType(ParticipantType.PHONE).locale("en-US")
                .metadata("name", "Dana").metadata("platform", "web").build();
    }

    private static void sendAndAwaitReply(ChatSession session, EventLog log, String text) throws Exception {
        session.send(text).toCompletableFuture().get(EventLog.WAIT_SECONDS, TimeUnit.SECONDS);
        log.await(ChatEvent.Message.class, m -> m.speaker() == Speaker.AGENT && m.text().equals("You said: " + text));
    }

    @Test
    void aFullConversationStartsSendsReceivesAndEndsByTheUser() throws Exception {
        EventLog log = new EventLog();
        ChatSession session = chat.start(request(), log);
        assertEquals(ChatStatus.IN_PROGRESS, session.status());
        assertEquals(ConnectionState.CONNECTED, session.connectionState());
        assertEquals(session.sessionId(), log.await(ChatEvent.Connected.class).sessionId());

        session.send("hello").toCompletableFuture().get(EventLog.WAIT_SECONDS, TimeUnit.SECONDS);
        ChatEvent.Message mine = log.await(ChatEvent.Message.class);
        assertEquals(Speaker.CUSTOMER, mine.speaker());
        assertEquals("hello", mine.text());
        ChatEvent.Message reply = log.await(ChatEvent.Message.class);
        assertEquals(Speaker.AGENT, reply.speaker());
        assertEquals("You said: hello", reply.text());
        log.await(ChatEvent.TurnEnded.class);

        session.end().toCompletableFuture().get(EventLog.WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(EndedBy.USER, log.await(ChatEvent.Ended.class).endedBy());
        assertEquals(ChatStatus.ENDED, session.status());
        assertEquals(List.of("hello", "You said: hello"), session.messages().stream().map(ChatEvent.Message::text).toList());

        // The participants and metadata reached the server (REST create and the init frame).
        JsonObject described = Simulator.admin("GET", "/__admin/sessions/" + session.sessionId(), null).asJsonObject().getJsonObject("data");
        assertEquals("+14155550123", described.getJsonObject("participants").getString("from"));
        assertEquals("user", described.getString("ended_by"));

        // Sending after the end fails typed, nothing is sent.
        CompletionException late = assertThrows(CompletionException.class, () -> session.send("anyone?").toCompletableFuture().join());
        assertEquals(ErrorCode.SESSION_ENDED, ((WonderfulException) late.getCause()).code());
        awaitState(session, ConnectionState.CLOSED);
    }

    @Test
    void theAgentEndingTheChatIsEndedByAgent() throws Exception {
        EventLog log = new EventLog();
        ChatSession session = chat.start(request(), log);
        session.send("bye").toCompletableFuture().get(EventLog.WAIT_SECONDS, TimeUnit.SECONDS);
        log.awaitMessage(GOODBYE);
        assertEquals(EndedBy.AGENT, log.await(ChatEvent.Ended.class).endedBy());
        assertEquals(ChatStatus.ENDED, session.status());
        awaitState(session, ConnectionState.CLOSED);
        // No reconnect after the server's end signal and normal close.
        assertFalse(log.all().stream().anyMatch(e -> e instanceof ChatEvent.Disconnected), log.all().toString());
    }

    @Test
    @Tag("liberty-only") // the 1006 drop is a TCP abort: Liberty internals (SIMULATOR.md)
    void dropsWith1006And1011ReconnectAndTheTranscriptIsCompleteWithoutDuplicates() throws Exception {
        EventLog log = new EventLog();
        ChatSession session = chat.start(request(), log);
        sendAndAwaitReply(session, log, "one");
        for (int code : new int[] {1006, 1011}) {
            Simulator.admin("POST", "/__admin/sessions/" + session.sessionId() + "/drop", "{\"code\":" + code + "}");
            ChatEvent.Disconnected disconnected = log.await(ChatEvent.Disconnected.class);
            assertTrue(disconnected.willRetry());
            // 1006 is the simulator aborting the TCP connection (no close frame). Open Liberty's client reports such a
            // loss as 1011 "Read failed. Possible end of stream encountered" rather than 1006; both are losses.
            if (code == 1006) {
                assertTrue(disconnected.code() == 1006 || disconnected.code() == 1011, disconnected.toString());
            } else {
                assertEquals(code, disconnected.code(), disconnected.toString());
            }
            // Sent while reconnecting: over REST, accepted, and its transcript comes with the resume.
            session.send("during " + code).toCompletableFuture().get(EventLog.WAIT_SECONDS, TimeUnit.SECONDS);
            assertTrue(log.await(ChatEvent.Reconnected.class).attempts() >= 1);
            log.await(ChatEvent.Message.class, m -> m.text().equals("You said: during " + code));
        }
        sendAndAwaitReply(session, log, "two");

        List<String> texts = session.messages().stream().map(ChatEvent.Message::text).toList();
        assertEquals(List.of("one", "You said: one", "during 1006", "You said: during 1006", "during 1011",
                "You said: during 1011", "two", "You said: two"), texts);
        Set<String> ids = new HashSet<>();
        for (ChatEvent.Message message : session.messages()) {
            assertTrue(ids.add(message.id()), "a duplicate transcript: " + message);
        }
        long delivered = log.all().stream().filter(e -> e instanceof ChatEvent.Message).count();
        assertEquals(texts.size(), delivered, "each message delivered once: " + log.all());
        session.end().toCompletableFuture().get(EventLog.WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void sixRefusedReconnectsGiveUpWithDisconnectedAndError() throws Exception {
        EventLog log = new EventLog();
        ChatSession session = chat.start(request(), log);
        Simulator.admin("POST", "/__admin/handshakes/refuse", "{\"status\":503,\"times\":6}");
        Simulator.admin("POST", "/__admin/sessions/" + session.sessionId() + "/drop", "{\"code\":1011}");

        ChatEvent.Disconnected last = log.await(ChatEvent.Disconnected.class, d -> !d.willRetry());
        assertEquals(5, last.attempt(), "the default wonderful.ws.max-reconnect-attempts");
        ChatEvent.Error error = log.await(ChatEvent.Error.class);
        assertEquals(ErrorCode.CONNECTION_LOST, error.code());
        assertTrue(error.recoverable());
        assertEquals(ConnectionState.DISCONNECTED, session.connectionState());
        List<Integer> attempts = log.all().stream().filter(e -> e instanceof ChatEvent.Disconnected)
                .map(e -> ((ChatEvent.Disconnected) e).attempt()).toList();
        assertEquals(List.of(0, 1, 2, 3, 4, 5), attempts);

        // The session itself is still there: a recover reconnects it (the refusals are used up).
        session.close();
        ChatSession recovered = chat.recover(session.sessionId());
        assertEquals(ConnectionState.CONNECTED, recovered.connectionState());
        recovered.end().toCompletableFuture().get(EventLog.WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void recoverReturnsTheSameHistoryAndContinuesTheConversation() throws Exception {
        EventLog log = new EventLog();
        ChatSession original = chat.start(request(), log);
        sendAndAwaitReply(original, log, "first");
        sendAndAwaitReply(original, log, "second");
        List<ChatEvent.Message> history = original.messages();
        original.close();

        // Another client on the same configuration, not the bean that started the session: all it has is the id.
        WonderfulSdk fresh = WonderfulSdk.builder().config(ConfigProvider.getConfig()).build();
        WonderfulChat otherChat = fresh.chat();
        EventLog recoveredLog = new EventLog();
        ChatSession recovered = otherChat.recover(original.sessionId(), recoveredLog);
        // The conversation as both channels carry it (speaker and text): ids and time precision are the server's
        // (the strict contract run's history has no ids and the socket whole seconds).
        assertEquals(conversation(history), conversation(recovered.messages()));
        assertEquals(ChatStatus.IN_PROGRESS, recovered.status());
        assertEquals(ConnectionState.CONNECTED, recovered.connectionState());
        sendAndAwaitReply(recovered, recoveredLog, "third");
        // The resume replayed nothing already in the history.
        List<String> live = recoveredLog.all().stream().filter(e -> e instanceof ChatEvent.Message)
                .map(e -> ((ChatEvent.Message) e).text()).toList();
        assertEquals(List.of("third", "You said: third"), live);

        recovered.end().toCompletableFuture().get(EventLog.WAIT_SECONDS, TimeUnit.SECONDS);
        recoveredLog.await(ChatEvent.Ended.class);
        ChatSession ended = chat.recover(original.sessionId());
        assertEquals(ChatStatus.ENDED, ended.status());
        assertEquals(ConnectionState.CLOSED, ended.connectionState());
        assertEquals(6, ended.messages().size());
        fresh.close();
    }

    @Test
    void recoverOfAnUnknownSessionIsSessionNotFound() {
        WonderfulException error = assertThrows(WonderfulException.class, () -> chat.recover("no-such-session"));
        assertEquals(ErrorCode.SESSION_NOT_FOUND, error.code());
        assertEquals(ErrorCode.VALIDATION_ERROR, assertThrows(WonderfulException.class, () -> chat.recover("../x")).code());
    }

    @Test
    void badRequestsFailBeforeAnyNetworkCall() {
        Simulator.clearJournal();
        assertEquals(ErrorCode.MISSING_PARTICIPANT,
                assertThrows(WonderfulException.class, () -> chat.start(StartChat.builder().fromType("phone").build())).code());
        assertEquals(ErrorCode.VALIDATION_ERROR,
                assertThrows(WonderfulException.class, () -> chat.start(StartChat.from("4155550123", ParticipantType.PHONE))).code());
        List<JsonObject> journal = Simulator.journal("/api");
        assertEquals(List.of(), journal);
    }

    @Test
    void anApplicationBeanObservesTheEventsAsCdiEventsEvenWhenAnotherObserverFails() throws Exception {
        EventLog log = new EventLog();
        ChatSession session = chat.start(request(), log);
        sendAndAwaitReply(session, log, "observed");
        session.end().toCompletableFuture().get(EventLog.WAIT_SECONDS, TimeUnit.SECONDS);
        log.await(ChatEvent.Ended.class);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(EventLog.WAIT_SECONDS);
        while (!(last(observer.of(session.sessionId())) instanceof ChatEvent.Ended) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(log.all(), observer.of(session.sessionId()), "the observer sees the same events in the same order");
    }

    private static ChatEvent last(List<ChatEvent> events) {
        return events.isEmpty() ? null : events.get(events.size() - 1);
    }

    private static void awaitState(ChatSession session, ConnectionState wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(EventLog.WAIT_SECONDS);
        while (session.connectionState() != wanted && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(wanted, session.connectionState());
    }

    private static List<String> conversation(List<ChatEvent.Message> messages) {
        return messages.stream().map(m -> m.speaker() + ": " + m.text()).toList();
    }
}
