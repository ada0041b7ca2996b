package cx.wonderful.microprofile.internal.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.chat.ConnectionState;
import cx.wonderful.microprofile.internal.Backoff;
import cx.wonderful.microprofile.internal.CredentialKind;
import cx.wonderful.microprofile.internal.ErrorResponses;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A {@link ChatSocket} against a real WebSocket server (Tyrus, in process): handshake, loss, reconnect, resume. */
class ChatSocketTest {

    private static final long WAIT_SECONDS = 20;
    private static final String SESSION = "session-1";

    private final WebSocketContainer container = ContainerProvider.getWebSocketContainer();
    private AgentChatTestServer server;
    private RealtimeExecutors executors;
    private Recorder recorder;
    private ChatSocket socket;

    @BeforeEach
    void start() {
        server = new AgentChatTestServer();
        executors = new RealtimeExecutors();
        recorder = new Recorder();
    }

    @AfterEach
    void stop() {
        if (socket != null) {
            socket.close();
        }
        executors.shutdown();
        server.close();
    }

    private ChatSocket open(TestCredentials credentials, int maxAttempts) {
        SocketPolicy policy = new SocketPolicy(maxAttempts, Backoff.from(Duration.ofMillis(20)), Duration.ofSeconds(30), Duration.ofSeconds(10));
        RealtimeClient client = new RealtimeClient(container, credentials, server.base(), policy, executors);
        socket = client.create(SESSION, () -> client.agentChatUri("agent-support", SESSION, recorder.lastId()), recorder);
        socket.connect();
        return socket;
    }

    @Test
    void theHandshakeCarriesTheCredentialPairAndTheSessionToResume() throws Exception {
        AgentChatTestServer.ACCEPTED.add("token, sim-token-alice");
        open(new TestCredentials(CredentialKind.TOKEN, "sim-token-alice"), 5).opened().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertEquals("open:0", recorder.next());
        assertEquals(ConnectionState.CONNECTED, socket.state());
        assertEquals(List.of("token, sim-token-alice"), AgentChatTestServer.PROTOCOL_HEADERS);
        assertEquals("commType=chat&sessionId=session-1", AgentChatTestServer.QUERIES.get(0));
        assertTrue(recorder.next().startsWith("text:{\"type\":\"start\""));
    }

    @Test
    void theListenerAddsHeadersToEveryHandshakeBesideTheCredential() throws Exception {
        AgentChatTestServer.ACCEPTED.add("token, sim-token-alice");
        String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        recorder = new Recorder() {
            @Override
            public void beforeHandshake(Map<String, List<String>> headers) {
                headers.put("traceparent", new ArrayList<>(List.of(traceparent)));
            }
        };
        open(new TestCredentials(CredentialKind.TOKEN, "sim-token-alice"), 5).opened().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertEquals(List.of(List.of(traceparent)), AgentChatTestServer.TRACEPARENTS);
        assertEquals(List.of("token, sim-token-alice"), AgentChatTestServer.PROTOCOL_HEADERS);
    }

    @Test
    void aDroppedSocketReconnectsAndResumesAfterTheLastTranscriptWithNothingLostOrRepeated() throws Exception {
        AgentChatTestServer.ACCEPTED.add("apikey, sim-key-acme");
        open(new TestCredentials(CredentialKind.API_KEY, "sim-key-acme"), 5).opened().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        recorder.skipUntil("open:0");
        List<String> published = new ArrayList<>();
        published.add(AgentChatTestServer.publish(SESSION, "agent", "one"));
        String second = AgentChatTestServer.publish(SESSION, "agent", "two");
        published.add(second);
        recorder.awaitTranscript(second);

        // The second loss comes within a pong timeout of the reconnect: its attempts count on (open:2), not from 1.
        int attempt = 0;
        for (int code : new int[] {1011, 1001}) {
            AgentChatTestServer.drop(SESSION, code);
            assertEquals("disconnected:true:" + code + ":0", recorder.skipUntilPrefix("disconnected:"));
            // Published while the client is away: the resume must bring it.
            published.add(AgentChatTestServer.publish(SESSION, "agent", "while away " + code));
            attempt++;
            assertEquals("open:" + attempt, recorder.skipUntilPrefix("open:"));
        }
        String last = AgentChatTestServer.publish(SESSION, "agent", "after");
        published.add(last);
        recorder.awaitTranscript(last);

        assertEquals(published, recorder.transcriptIds());
        List<String> queries = AgentChatTestServer.QUERIES;
        assertEquals("commType=chat&sessionId=session-1&after=" + second, queries.get(1));
        assertEquals(ConnectionState.CONNECTED, socket.state());
    }

    @Test
    void aRevokedTokenIsRefreshedOnceAtTheHandshakeAndTheSocketReconnects() throws Exception {
        TestCredentials credentials = new TestCredentials(CredentialKind.SIGNED_TOKEN, "first-jwt");
        AgentChatTestServer.ACCEPTED.add("jwt, first-jwt");
        open(credentials, 5).opened().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        recorder.skipUntil("open:0");

        AgentChatTestServer.ACCEPTED.clear();
        AgentChatTestServer.ACCEPTED.add("jwt, refreshed-token-1");
        AgentChatTestServer.drop(SESSION, 1011);

        assertEquals("open:1", recorder.skipUntilPrefix("open:"));
        assertEquals(1, credentials.refreshes());
        List<String> headers = AgentChatTestServer.PROTOCOL_HEADERS;
        assertEquals(List.of("jwt, first-jwt", "jwt, first-jwt", "jwt, refreshed-token-1"), headers);
    }

    @Test
    void reconnectingGivesUpAfterTheMaximumAttemptsAndSaysSo() throws Exception {
        AgentChatTestServer.ACCEPTED.add("apikey, sim-key-acme");
        open(new TestCredentials(CredentialKind.API_KEY, "sim-key-acme"), 3).opened().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        recorder.skipUntil("open:0");
        // Counted from here: on a loaded machine the first connection itself may have needed a second handshake.
        int opening = AgentChatTestServer.QUERIES.size();

        AgentChatTestServer.REFUSE_NEXT.set(4);
        AgentChatTestServer.drop(SESSION, 1011);

        assertEquals("disconnected:true:1011:0", recorder.skipUntilPrefix("disconnected:"));
        assertEquals("disconnected:true:1006:1", recorder.skipUntilPrefix("disconnected:"));
        assertEquals("disconnected:true:1006:2", recorder.skipUntilPrefix("disconnected:"));
        assertEquals("disconnected:false:1006:3", recorder.skipUntilPrefix("disconnected:"));
        assertEquals("failed:CONNECTION_LOST", recorder.next());
        assertEquals(ConnectionState.DISCONNECTED, socket.state());
        assertEquals(3, AgentChatTestServer.QUERIES.size() - opening, "three attempts after the drop, no more");
    }

    @Test
    void aServerThatAcceptsAndDropsAtOnceForeverIsBoundedByTheMaximumAttempts() throws Exception {
        AgentChatTestServer.ACCEPTED.add("apikey, sim-key-acme");
        open(new TestCredentials(CredentialKind.API_KEY, "sim-key-acme"), 3).opened().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        recorder.skipUntil("open:0");
        int opening = AgentChatTestServer.QUERIES.size();

        AgentChatTestServer.closeOnOpen = 1011;
        AgentChatTestServer.drop(SESSION, 1011);

        assertEquals("failed:CONNECTION_LOST", recorder.skipUntilPrefix("failed:"));
        assertEquals(ConnectionState.DISCONNECTED, socket.state());
        Thread.sleep(300);
        assertEquals(3, AgentChatTestServer.QUERIES.size() - opening, "three reconnects after the drop, however often they open");
    }

    @Test
    void aConnectionConfirmedByItsListenerStartsTheAttemptsAgainAfterALoss() throws Exception {
        AgentChatTestServer.ACCEPTED.add("apikey, sim-key-acme");
        open(new TestCredentials(CredentialKind.API_KEY, "sim-key-acme"), 5).opened().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        recorder.skipUntil("open:0");
        for (int round = 0; round < 3; round++) {
            socket.confirmed();
            AgentChatTestServer.drop(SESSION, 1011);
            assertEquals("open:1", recorder.skipUntilPrefix("open:"), "round " + round);
        }
    }

    @Test
    void aTransient401AtAReconnectHandshakeDoesNotEndReconnecting() throws Exception {
        TestCredentials credentials = new TestCredentials(CredentialKind.TOKEN, "sim-token-alice");
        AgentChatTestServer.ACCEPTED.add("token, sim-token-alice");
        open(credentials, 5).opened().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        recorder.skipUntil("open:0");
        AgentChatTestServer.ACCEPTED.add("token, refreshed-token-1");

        // Both the handshake and its retry with the refreshed token are refused once; the next attempt succeeds.
        AgentChatTestServer.refuseStatus = 401;
        AgentChatTestServer.REFUSE_NEXT.set(2);
        AgentChatTestServer.drop(SESSION, 1011);

        assertEquals("disconnected:true:1011:0", recorder.skipUntilPrefix("disconnected:"));
        assertEquals("disconnected:true:1006:1", recorder.skipUntilPrefix("disconnected:"));
        assertEquals("open:2", recorder.skipUntilPrefix("open:"));
        assertEquals(ConnectionState.CONNECTED, socket.state());
    }

    @Test
    void aRefusalThatRetryingCannotFixStopsAtOnce() throws Exception {
        AgentChatTestServer.refuseStatus = 403;
        AgentChatTestServer.REFUSE_NEXT.set(1);
        AgentChatTestServer.ACCEPTED.add("apikey, sim-key-acme");
        CompletionException failure = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                () -> open(new TestCredentials(CredentialKind.API_KEY, "sim-key-acme"), 5).opened().toCompletableFuture().join());
        WonderfulException error = assertInstanceOf(WonderfulException.class, failure.getCause());
        assertEquals(ErrorCode.FORBIDDEN, error.code());
        assertEquals(403, error.httpStatus().orElse(0));
        assertEquals(ConnectionState.DISCONNECTED, socket.state());
        assertEquals(1, AgentChatTestServer.QUERIES.size());
    }

    /** A refused handshake has the code an HTTP answer of that status has: one status policy for both. */
    @ParameterizedTest
    @ValueSource(ints = {400, 404, 409, 410, 422})
    void aRefusedHandshakeHasTheCodeOfTheSameHttpStatus(int status) throws Exception {
        AgentChatTestServer.refuseStatus = status;
        AgentChatTestServer.REFUSE_NEXT.set(1);
        AgentChatTestServer.ACCEPTED.add("apikey, sim-key-acme");
        CompletionException failure = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                () -> open(new TestCredentials(CredentialKind.API_KEY, "sim-key-acme"), 5).opened().toCompletableFuture().join());
        WonderfulException error = assertInstanceOf(WonderfulException.class, failure.getCause());
        assertEquals(ErrorResponses.code(status, ""), error.code());
        assertEquals(status, error.httpStatus().orElse(0));
        assertFalse(error.recoverable());
    }

    @Test
    void anApiKeyRefusedWith401IsUnauthorizedAndNeverLeaksTheKey() throws Exception {
        CompletionException failure = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                () -> open(new TestCredentials(CredentialKind.API_KEY, "wrong-key-that-is-secret"), 5).opened().toCompletableFuture().join());
        WonderfulException error = assertInstanceOf(WonderfulException.class, failure.getCause());
        assertEquals(ErrorCode.UNAUTHORIZED, error.code());
        assertFalse(String.valueOf(error).contains("wrong-key-that-is-secret"));
        assertEquals(1, AgentChatTestServer.QUERIES.size());
    }

    @Test
    void aNormalCloseByTheServerEndsTheSocketWithoutReconnecting() throws Exception {
        AgentChatTestServer.ACCEPTED.add("apikey, sim-key-acme");
        open(new TestCredentials(CredentialKind.API_KEY, "sim-key-acme"), 5).opened().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        recorder.skipUntil("open:0");
        AgentChatTestServer.drop(SESSION, 1000);
        assertEquals("closed:1000", recorder.skipUntilPrefix("closed:"));
        assertEquals(ConnectionState.CLOSED, socket.state());
        assertEquals(1, AgentChatTestServer.QUERIES.size());
    }

    @Test
    void theLastFramesOfAConnectionTheServerClosedAreHeardWhenTheyArriveAfterTheClose() throws Exception {
        AgentChatTestServer.ACCEPTED.add("apikey, sim-key-acme");
        open(new TestCredentials(CredentialKind.API_KEY, "sim-key-acme"), 5).opened().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        recorder.skipUntil("open:0");
        int generation = socket.currentGeneration();
        String end = "{\"type\":\"communication_ended\",\"ended_by\":\"agent\"}";

        // As WildFly's container may report them: the close on one thread, then the frame sent before it on another.
        socket.closed(generation, 1000, "communication ended");
        socket.text(generation, end);

        assertEquals("closed:1000", recorder.skipUntilPrefix("closed:"));
        assertEquals("text:" + end, recorder.skipUntilPrefix("text:"));
        assertEquals(ConnectionState.CLOSED, socket.state());
        assertEquals(1, AgentChatTestServer.QUERIES.size(), "no reconnect");
    }

    @Test
    void afterTheEndSignalAnyCloseEndsTheSocket() throws Exception {
        AgentChatTestServer.ACCEPTED.add("apikey, sim-key-acme");
        open(new TestCredentials(CredentialKind.API_KEY, "sim-key-acme"), 5).opened().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        recorder.skipUntil("open:0");
        socket.setReconnect(false);
        AgentChatTestServer.drop(SESSION, 1011);
        assertEquals("closed:1011", recorder.skipUntilPrefix("closed:"));
        assertEquals(1, AgentChatTestServer.QUERIES.size());
    }

    @Test
    void closeReturnsAtOnceClosesTheServerSideAndNeverReconnects() throws Exception {
        AgentChatTestServer.ACCEPTED.add("apikey, sim-key-acme");
        open(new TestCredentials(CredentialKind.API_KEY, "sim-key-acme"), 5).opened().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        recorder.skipUntil("open:0");
        socket.close();
        assertEquals(ConnectionState.CLOSED, socket.state());
        assertEquals("closed:1000", recorder.skipUntilPrefix("closed:"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (AgentChatTestServer.openSockets(SESSION) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, AgentChatTestServer.openSockets(SESSION));
        socket.close();
        assertNull(recorder.events.poll(), "a second close reports nothing");
        assertEquals(1, AgentChatTestServer.QUERIES.size());
    }

    @Test
    void sendTextWritesAFrameAndFailsTypedWhenTheSocketIsNotOpen() throws Exception {
        AgentChatTestServer.ACCEPTED.add("apikey, sim-key-acme");
        open(new TestCredentials(CredentialKind.API_KEY, "sim-key-acme"), 5).opened().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        socket.sendText("{\"type\":\"init\",\"metadata\":{}}").toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (AgentChatTestServer.RECEIVED.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(List.of("{\"type\":\"init\",\"metadata\":{}}"), AgentChatTestServer.RECEIVED);
        socket.close();
        CompletionException failure = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                () -> socket.sendText("late").toCompletableFuture().join());
        assertEquals(ErrorCode.SEND_FAILED, assertInstanceOf(WonderfulException.class, failure.getCause()).code());
    }

    /** Records the socket's reports as short strings, and the transcript ids like a session would. */
    static class Recorder implements ChatSocketListener {

        final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        private final List<String> transcriptIds = new ArrayList<>();

        @Override
        public void onOpen(int reconnectAttempts) {
            events.add("open:" + reconnectAttempts);
        }

        @Override
        public void onText(String text) {
            int at = text.indexOf("\"id\":\"");
            if (text.contains("\"transcript\"") && at >= 0) {
                String id = text.substring(at + 6, text.indexOf('"', at + 6));
                synchronized (transcriptIds) {
                    transcriptIds.add(id);
                }
            }
            events.add("text:" + text);
        }

        @Override
        public void onDisconnected(boolean willRetry, int code, String reason, int attempt) {
            events.add("disconnected:" + willRetry + ":" + code + ":" + attempt);
        }

        @Override
        public void onFailed(WonderfulException error) {
            events.add("failed:" + error.code());
        }

        @Override
        public void onClosed(int code, String reason) {
            events.add("closed:" + code);
        }

        String lastId() {
            synchronized (transcriptIds) {
                return transcriptIds.isEmpty() ? null : transcriptIds.get(transcriptIds.size() - 1);
            }
        }

        List<String> transcriptIds() {
            synchronized (transcriptIds) {
                return List.copyOf(transcriptIds);
            }
        }

        String next() throws InterruptedException {
            String event = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(event, "no event within " + WAIT_SECONDS + " s");
            return event;
        }

        void skipUntil(String wanted) throws InterruptedException {
            while (!next().equals(wanted)) {
                // earlier events are not what this test looks at
            }
        }

        String skipUntilPrefix(String prefix) throws InterruptedException {
            while (true) {
                String event = next();
                if (event.startsWith(prefix)) {
                    return event;
                }
            }
        }

        void awaitTranscript(String id) throws InterruptedException {
            while (!next().contains("\"id\":\"" + id + "\"")) {
                // wait for that transcript
            }
        }
    }
}
