package cx.wonderful.it.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.it.support.Deployments;
import cx.wonderful.it.support.ServerLogs;
import cx.wonderful.it.support.Simulator;
import cx.wonderful.microprofile.auth.SignRequest;
import cx.wonderful.microprofile.auth.WonderfulAuth;
import cx.wonderful.microprofile.chat.ChatEvent;
import cx.wonderful.microprofile.chat.ChatSession;
import cx.wonderful.microprofile.chat.ParticipantType;
import cx.wonderful.microprofile.chat.Speaker;
import cx.wonderful.microprofile.chat.StartChat;
import cx.wonderful.microprofile.chat.WonderfulChat;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside Liberty, with a signed token as the credential: the socket carries the token (never the API key), and a
 * token revoked mid-session is refreshed at the reconnect handshake (401, refresh, one more try).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChatTokenIT {

    private static final String HANDSHAKES = "/api/v1/agents/";

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("chat-token", ChatTokenIT.class, EventLog.class);
    }

    @Inject
    WonderfulChat chat;
    @Inject
    WonderfulAuth auth;

    @Test
    @Order(1)
    void aTokenRevokedMidSessionIsRefreshedByTheReconnect() throws Exception {
        Simulator.reset();
        String first = auth.sign(SignRequest.forUser(UUID.randomUUID())).jwt();
        auth.setToken(first);
        EventLog log = new EventLog();
        ChatSession session = chat.start(StartChat.from("dana@acme.example", ParticipantType.EMAIL), log);
        session.send("before").toCompletableFuture().get(EventLog.WAIT_SECONDS, TimeUnit.SECONDS);
        log.await(ChatEvent.Message.class, m -> m.speaker() == Speaker.AGENT && m.text().equals("You said: before"));

        Simulator.revoke(first);
        Simulator.clearJournal();
        Simulator.admin("POST", "/__admin/sessions/" + session.sessionId() + "/drop", "{\"code\":1011}");

        assertTrue(log.await(ChatEvent.Disconnected.class).willRetry());
        log.await(ChatEvent.Reconnected.class);
        assertFalse(auth.config().maskedCredential().orElseThrow().endsWith(first.substring(first.length() - 4)),
                "the token was refreshed");
        // The simulator journals an accepted handshake once the upgrade is done, which may be after the client has it.
        List<String> handshakes = handshakes();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(EventLog.WAIT_SECONDS);
        while (handshakes.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            handshakes = handshakes();
        }
        assertEquals(List.of("401 jwt", "101 jwt"), handshakes);

        session.send("after").toCompletableFuture().get(EventLog.WAIT_SECONDS, TimeUnit.SECONDS);
        log.await(ChatEvent.Message.class, m -> m.speaker() == Speaker.AGENT && m.text().equals("You said: after"));
        session.end().toCompletableFuture().get(EventLog.WAIT_SECONDS, TimeUnit.SECONDS);
        auth.clearAuth();
    }

    /** The refused handshake above is where a runtime writes a diagnostic dump (Liberty's FFDC): no token in it. */
    @Test
    @Order(2)
    @RunAsClient
    void theRefusedHandshakeLeftNoTokenInTheServerLogs() throws Exception {
        ServerLogs.assertNoSecrets();
    }

    private static List<String> handshakes() {
        return Simulator.journal(HANDSHAKES).stream().map(e -> e.getInt("status") + " " + e.getString("credential_kind", "?")).toList();
    }

}
