package cx.wonderful.microprofile.internal.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.microprofile.chat.ConnectionState;
import cx.wonderful.microprofile.internal.Backoff;
import cx.wonderful.microprofile.internal.CredentialKind;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 11's fault catalogue for the chat WebSocket: closes 1011, 1001, 1008, a cut connection (1006: the server
 * stops), a server restart mid-chat, refused reconnect handshakes (transient 503, a 401 that one refresh cures, a
 * permanent 403) and a flapping server. Each ends within {@link #BOUND} either reconnected and resumed — every
 * transcript the server published, before, during and after the fault, delivered exactly once and in order — or
 * given up with a typed failure after a bounded number of handshakes, never delivering anything twice.
 */
class RealtimeFaultCatalogueTest {

    private static final long BOUND = 20;
    private static final int MAX_ATTEMPTS = 5;
    private static final String SESSION = "catalogue-session";

    enum Fault {
        CLOSE_1011(true), CLOSE_1001(true), CLOSE_1008(true), CUT_1006(true), RESTART(true), REFUSED_503_TWICE(true),
        REFUSED_401_ONCE(true), REFUSED_403(false), FLAPPING(false);

        /** Whether the chat comes back (else the socket gives up, typed). */
        final boolean recovers;

        Fault(boolean recovers) {
            this.recovers = recovers;
        }
    }

    private final WebSocketContainer container = ContainerProvider.getWebSocketContainer();
    private AgentChatTestServer server;
    private RealtimeExecutors executors;
    private ChatSocketTest.Recorder recorder;
    private ChatSocket socket;

    @BeforeEach
    void start() {
        server = new AgentChatTestServer();
        executors = new RealtimeExecutors();
        recorder = new ChatSocketTest.Recorder();
    }

    @AfterEach
    void stop() {
        if (socket != null) {
            socket.close();
        }
        executors.shutdown();
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Fault.class)
    void aFaultEndsResumedWithEveryTranscriptOnceOrTypedWithinTheBound(Fault fault) throws Exception {
        TestCredentials credentials = new TestCredentials(CredentialKind.SIGNED_TOKEN, "jwt-1");
        AgentChatTestServer.ACCEPTED.add("jwt, jwt-1");
        // Keep-alive within seconds: a connection cut without a close frame may only show as a missing pong. The
        // backoff's sum (at least 3.1 s over 5 attempts) outlasts a restart of the test server on a loaded machine.
        SocketPolicy policy = new SocketPolicy(MAX_ATTEMPTS, Backoff.from(Duration.ofMillis(200)), Duration.ofSeconds(1),
                Duration.ofSeconds(2));
        RealtimeClient client = new RealtimeClient(container, credentials, server.base(), policy, executors);
        socket = client.create(SESSION, () -> client.agentChatUri("agent-support", SESSION, recorder.lastId()), recorder);
        socket.connect();
        socket.opened().toCompletableFuture().get(BOUND, TimeUnit.SECONDS);
        recorder.skipUntil("open:0");

        List<String> published = new ArrayList<>();
        published.add(AgentChatTestServer.publish(SESSION, "agent", "before"));
        recorder.awaitTranscript(published.get(0));
        int handshakesBefore = AgentChatTestServer.QUERIES.size();

        inject(fault);
        if (fault != Fault.RESTART && fault != Fault.CUT_1006) {
            published.add(AgentChatTestServer.publish(SESSION, "agent", "while away")); // kept for the resume
        }

        if (fault.recovers) {
            recorder.skipUntilPrefix("open:");
            String after = AgentChatTestServer.publish(SESSION, "agent", "after");
            published.add(after);
            recorder.awaitTranscript(after);
            assertEquals(published, recorder.transcriptIds(), fault + ": every transcript exactly once, in order");
            assertEquals(ConnectionState.CONNECTED, socket.state());
            if (fault == Fault.REFUSED_401_ONCE) {
                assertEquals(1, credentials.refreshes(), "one refresh cures the refused handshake");
            }
        } else {
            assertEquals("failed:" + (fault == Fault.REFUSED_403 ? "FORBIDDEN" : "CONNECTION_LOST"),
                    recorder.skipUntilPrefix("failed:"), fault + ": a typed failure");
            assertEquals(ConnectionState.DISCONNECTED, socket.state());
            int handshakes = AgentChatTestServer.QUERIES.size() - handshakesBefore;
            if (fault == Fault.REFUSED_403) {
                assertEquals(1, handshakes, "a refusal no retry can fix stops at once");
            } else {
                assertTrue(handshakes >= 1 && handshakes <= MAX_ATTEMPTS, fault + ": " + handshakes + " handshakes, at most "
                        + MAX_ATTEMPTS);
            }
            assertEquals(published.subList(0, 1), recorder.transcriptIds().subList(0, 1), "nothing delivered twice");
            assertEquals(recorder.transcriptIds().stream().distinct().toList(), recorder.transcriptIds());
        }
    }

    @org.junit.jupiter.api.Test
    void aFailureTextTheContainerQuotesReachesNoEventWithASecretInIt() {
        String jwt = cx.wonderful.microprofile.internal.TestJwts.jwt("user-1", java.time.Instant.now().plusSeconds(60));
        String described = ChatSocket.describe(new java.io.IOException(new IllegalStateException(
                "handshake failed: Sec-WebSocket-Protocol: jwt, " + jwt + "; server said: invalid token=abc123456789")));
        assertTrue(described.startsWith("IllegalStateException: handshake failed"), described);
        assertTrue(!described.contains(jwt) && !described.contains("abc123456789"), described);
    }

    private void inject(Fault fault) {
        switch (fault) {
            case CLOSE_1011 -> AgentChatTestServer.drop(SESSION, 1011);
            case CLOSE_1001 -> AgentChatTestServer.drop(SESSION, 1001);
            case CLOSE_1008 -> AgentChatTestServer.drop(SESSION, 1008);
            case CUT_1006, RESTART -> {
                server.stopAbruptly();
                if (fault == Fault.RESTART) {
                    // Away for a while: the client's attempts meet a refused connection before it is back.
                    sleep(100);
                }
                server.startAgain();
            }
            case REFUSED_503_TWICE -> {
                AgentChatTestServer.refuseStatus = 503;
                AgentChatTestServer.REFUSE_NEXT.set(2);
                AgentChatTestServer.drop(SESSION, 1011);
            }
            case REFUSED_401_ONCE -> {
                AgentChatTestServer.ACCEPTED.clear();
                AgentChatTestServer.ACCEPTED.add("jwt, refreshed-token-1");
                AgentChatTestServer.drop(SESSION, 1011);
            }
            case REFUSED_403 -> {
                AgentChatTestServer.refuseStatus = 403;
                AgentChatTestServer.REFUSE_NEXT.set(100);
                AgentChatTestServer.drop(SESSION, 1011);
            }
            case FLAPPING -> {
                AgentChatTestServer.closeOnOpen = 1011;
                AgentChatTestServer.drop(SESSION, 1011);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
