package cx.wonderful.microprofile.internal.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.microprofile.internal.Backoff;
import cx.wonderful.microprofile.internal.CredentialKind;
import jakarta.websocket.ContainerProvider;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A connection that stays open but answers nothing, not even pings, is found dead by the keep-alive and replaced. */
class DeadConnectionTest {

    @Test
    void aSilentConnectionIsTakenAsDeadAfterThePongTimeoutAndReconnected() throws Exception {
        RealtimeExecutors executors = new RealtimeExecutors();
        ChatSocketTest.Recorder recorder = new ChatSocketTest.Recorder();
        try (SilentWebSocketServer server = new SilentWebSocketServer()) {
            SocketPolicy policy = new SocketPolicy(5, Backoff.from(Duration.ofMillis(20)), Duration.ofMillis(200), Duration.ofMillis(300));
            RealtimeClient client = new RealtimeClient(ContainerProvider.getWebSocketContainer(),
                    new TestCredentials(CredentialKind.API_KEY, "sim-key-acme"), server.base(), policy, executors);
            ChatSocket socket = client.create("silent", () -> client.agentChatUri("agent-support", "silent", null), recorder);
            socket.connect();
            socket.opened().toCompletableFuture().get(20, TimeUnit.SECONDS);
            assertEquals("open:0", recorder.next());

            String disconnected = recorder.skipUntilPrefix("disconnected:");
            assertEquals("disconnected:true:1006:0", disconnected);
            assertEquals("open:1", recorder.skipUntilPrefix("open:"));
            assertTrue(server.handshakes.get() >= 2);
            socket.close();
            assertEquals("closed:1000", recorder.skipUntilPrefix("closed:"));
        } finally {
            executors.shutdown();
        }
    }
}
