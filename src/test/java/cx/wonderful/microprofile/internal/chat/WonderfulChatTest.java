package cx.wonderful.microprofile.internal.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.chat.ChatEvent;
import cx.wonderful.microprofile.chat.ChatSession;
import cx.wonderful.microprofile.chat.ChatStatus;
import cx.wonderful.microprofile.chat.ConnectionState;
import cx.wonderful.microprofile.chat.EndedBy;
import cx.wonderful.microprofile.chat.ParticipantType;
import cx.wonderful.microprofile.chat.StartChat;
import cx.wonderful.microprofile.chat.WonderfulChat;
import cx.wonderful.microprofile.internal.realtime.AgentChatTestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The chat bean's orchestration with the library's real beans in Weld SE (fallback pools, no managed executors),
 * against in-process Chat V3 and agent chat servers: order of commands, at most one create, the deadline, slow
 * and failing listeners, takeover by another container, and the shutdown of the container.
 */
class WonderfulChatTest {

    private static final long WAIT = RecordingListener.WAIT_SECONDS;

    private AgentChatTestServer sockets;
    private ChatV3TestServer rest;
    private final List<ChatContainer> containers = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        sockets = new AgentChatTestServer();
        AgentChatTestServer.ACCEPTED.add("apikey, sim-key-acme");
        rest = new ChatV3TestServer();
    }

    @AfterEach
    void stop() {
        containers.forEach(ChatContainer::close);
        rest.close();
        sockets.close();
    }

    private ChatContainer container(String... extra) {
        ChatContainer container = new ChatContainer(rest, sockets.base(), extra);
        containers.add(container);
        return container;
    }

    private static StartChat request() {
        return StartChat.from("+14155550123", ParticipantType.PHONE);
    }

    @Test
    void backToBackSendsReachTheServerInCallOrder() throws Exception {
        rest.maxCommandJitterMillis = 3;
        ChatSession session = container().chat().start(request());
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            sends.add(session.send("m" + i).toCompletableFuture());
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        assertEquals(IntStream.range(0, 60).mapToObj(i -> "m" + i).toList(), rest.texts);
    }

    @Test
    void aCreateWhoseAnswerTimesOutIsNotSentAgain() {
        rest.createDelayMillis = 1500;
        WonderfulChat chat = container("wonderful.request-timeout", "300ms", "wonderful.max-retries", "3").chat();
        WonderfulException error = assertThrows(WonderfulException.class, () -> chat.start(request()));
        assertEquals(ErrorCode.NETWORK_ERROR, error.code());
        assertEquals(1, rest.creates.size(), "the create request went out once");
    }

    @Test
    void startFailsWithinItsDeadlineAndLeavesNoSocketBehind() throws Exception {
        AgentChatTestServer.refuseStatus = 503;
        // A first chat in another container warms the client libraries up, so that the timed create is answered
        // well within the deadline even on a loaded machine.
        ChatContainer warm = container();
        warm.chat().start(request()).close();
        warm.close();
        ChatContainer slow = container("wonderful.chat.start-timeout", "5s", "wonderful.retry-delay", "100ms",
                "wonderful.ws.max-reconnect-attempts", "1000");
        WonderfulChat chat = slow.chat();
        AgentChatTestServer.REFUSE_NEXT.set(1000);
        long began = System.nanoTime();
        WonderfulException error = assertThrows(WonderfulException.class, () -> chat.start(request()));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        assertEquals(ErrorCode.NETWORK_ERROR, error.code());
        assertTrue(error.getMessage().contains("s-2"), "names the session to recover: " + error.getMessage());
        assertTrue(tookMillis < TimeUnit.SECONDS.toMillis(WAIT), "took " + tookMillis + " ms");
        int handshakes = AgentChatTestServer.QUERIES.size();
        Thread.sleep(1000);
        assertEquals(handshakes, AgentChatTestServer.QUERIES.size(), "the late session was closed: no more handshakes");
        assertEquals(0, slow.service().liveSessions());
    }

    @Test
    void aListenerThrowingAnErrorDoesNotStopTheSessionsDelivery() throws Exception {
        RecordingListener after = new RecordingListener();
        ChatSession session = container().chat().start(request(), event -> {
            throw new OutOfMemoryError("a listener that fails with an Error");
        });
        session.onEvent(after);
        AgentChatTestServer.publish(session.sessionId(), "agent", "one");
        AgentChatTestServer.publish(session.sessionId(), "agent", "two");
        after.awaitTexts(2);
        assertEquals(List.of("one", "two"), after.texts());
    }

    @Test
    void aSlowListenerDelaysOnlyItsOwnSession() throws Exception {
        WonderfulChat chat = container().chat();
        CountDownLatch release = new CountDownLatch(1);
        List<ChatSession> slow = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            slow.add(chat.start(request(), event -> {
                try {
                    release.await(WAIT, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        RecordingListener fast = new RecordingListener();
        ChatSession session = chat.start(request(), fast);
        AgentChatTestServer.publish(session.sessionId(), "agent", "hello");
        fast.awaitTexts(1);
        assertEquals(1, release.getCount(), "delivered while the slow listeners were still blocked");
        release.countDown();
        slow.forEach(ChatSession::close);
    }

    @Test
    void anotherContainerTakesTheChatOverAfterTheLastMessageSeenWithNothingLostOrRepeated() throws Exception {
        ChatContainer first = container();
        RecordingListener seenOnA = new RecordingListener();
        ChatSession onA = first.chat().start(request(), seenOnA);
        AgentChatTestServer.publish(onA.sessionId(), "agent", "one");
        seenOnA.awaitTexts(1);
        String lastSeen = onA.messages().get(0).id();
        first.close();
        awaitNoSocket(onA.sessionId());
        // Said while no instance was attached: the user never saw these.
        AgentChatTestServer.publish(onA.sessionId(), "agent", "two");
        AgentChatTestServer.publish(onA.sessionId(), "agent", "three");

        RecordingListener seenOnB = new RecordingListener();
        ChatSession onB = container().chat().recover(onA.sessionId(), lastSeen, seenOnB);
        seenOnB.awaitTexts(2);
        onB.send("four").toCompletableFuture().get(WAIT, TimeUnit.SECONDS);
        seenOnB.awaitTexts(3);
        assertEquals(List.of("two", "three", "four"), seenOnB.texts());
        assertEquals(List.of("one", "two", "three", "four"), onB.messages().stream().map(ChatEvent.Message::text).toList());
        assertEquals(ConnectionState.CONNECTED, onB.connectionState());
    }

    @Test
    void aSessionRecoveredAfterItEndedReportsWhoEndedIt() throws Exception {
        WonderfulChat chat = container().chat();
        RecordingListener events = new RecordingListener();
        ChatSession live = chat.start(request(), events);
        assertEquals(Optional.empty(), live.endedBy());
        live.end().toCompletableFuture().get(WAIT, TimeUnit.SECONDS);
        events.await(all -> all.stream().anyMatch(e -> e instanceof ChatEvent.Ended), "the end");
        assertEquals(Optional.of(EndedBy.USER), live.endedBy());

        rest.endedBy.put("s-ended-by-agent", "agent");
        ChatSession recovered = chat.recover("s-ended-by-agent");
        assertEquals(ChatStatus.ENDED, recovered.status());
        assertEquals(Optional.of(EndedBy.AGENT), recovered.endedBy());
    }

    @Test
    void aLastSeenMessageIdThatIsNoIdFailsBeforeAnyCall() {
        WonderfulChat chat = container().chat();
        for (String bad : new String[] {"", "  ", "a\nb", "x".repeat(300)}) {
            WonderfulException error = assertThrows(WonderfulException.class, () -> chat.recover("s-1", bad, e -> { }));
            assertEquals(ErrorCode.VALIDATION_ERROR, error.code(), bad);
        }
        assertEquals(List.of(), AgentChatTestServer.QUERIES);
    }

    @Test
    void shuttingTheContainerDownClosesEverySocketCancelsReconnectsAndStopsTheLibrarysThreads() throws Exception {
        ChatContainer container = container("wonderful.retry-delay", "300ms");
        WonderfulChat chat = container.chat();
        List<RecordingListener> listeners = new ArrayList<>();
        List<ChatSession> sessions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            RecordingListener listener = new RecordingListener();
            listeners.add(listener);
            sessions.add(chat.start(request(), listener));
        }
        sessions.forEach(s -> AgentChatTestServer.awaitOpenSocket(s.sessionId()));
        // One session loses its socket and waits for its reconnect: a handshake queued before the shutdown.
        AgentChatTestServer.REFUSE_NEXT.set(1000);
        AgentChatTestServer.drop(sessions.get(0).sessionId(), 1011);
        listeners.get(0).await(all -> all.stream().anyMatch(e -> e instanceof ChatEvent.Disconnected), "a loss");
        int eventsBefore = listeners.stream().mapToInt(l -> l.events().size()).sum();

        container.close();

        int handshakes = AgentChatTestServer.QUERIES.size();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
        while (openSockets(sessions) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, openSockets(sessions), "sockets left open at the server");
        while (!libraryThreads().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(List.of(), libraryThreads());
        Thread.sleep(700);
        assertEquals(handshakes, AgentChatTestServer.QUERIES.size(), "a handshake after the shutdown");
        assertEquals(eventsBefore, listeners.stream().mapToInt(l -> l.events().size()).sum(), "events after the shutdown");
        sessions.forEach(s -> assertEquals(ConnectionState.CLOSED, s.connectionState()));
        CompletionException refused = assertThrows(CompletionException.class,
                () -> sessions.get(1).send("late").toCompletableFuture().join());
        assertEquals(ErrorCode.SEND_FAILED, ((WonderfulException) refused.getCause()).code());
    }

    private static void awaitNoSocket(String sessionId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
        while (AgentChatTestServer.openSockets(sessionId) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(0, AgentChatTestServer.openSockets(sessionId), "the first container's socket is still open");
    }

    private static int openSockets(List<ChatSession> sessions) {
        return sessions.stream().mapToInt(s -> AgentChatTestServer.openSockets(s.sessionId())).sum();
    }

    private static List<String> libraryThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("wonderful-")).sorted().toList();
    }
}
