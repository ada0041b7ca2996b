package cx.wonderful.it.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.it.support.Deployments;
import cx.wonderful.it.support.Simulator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The simulator over the wire, as any client sees it on the test server: JWTs, Chat V3, the agent chat WebSocket,
 * communications, and every fault-injection knob of the admin API. Runs as a client (plain {@code java.net.http}).
 */
@ExtendWith(ArquillianExtension.class)
class SimulatorIT {

    /** Nothing of its own to deploy: the simulator is on the server already; Arquillian needs a deployment to start it. */
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("simulator-it");
    }

    private static final String API_KEY = "sim-key-acme";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final String base = Simulator.baseUrl().toString().replaceAll("/$", "");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();

    @BeforeEach
    void reset() throws Exception {
        assertEquals(200, admin("POST", "/__admin/reset", "").statusCode());
    }

    @Test
    void webSocketChatIsSharedWithRestAndEndsWhenTheAgentSaysGoodbye() throws Exception {
        Client client = connect("agent-support", "apikey", API_KEY, "");
        String sessionId = client.next().getString("communication_id");
        client.send("{\"type\":\"init\",\"metadata\":{\"from\":\"+15551234567\",\"fromType\":\"phone\","
                + "\"locale\":\"en-US\",\"name\":\"Ann\"}}");
        client.send("{\"type\":\"message\",\"text\":\"Hello\"}");
        JsonObject customer = client.next();
        assertEquals("transcript", customer.getString("type"));
        assertEquals("customer", customer.getJsonObject("data").getString("speaker"));
        assertEquals("Hello", customer.getJsonObject("data").getString("text"));
        assertEquals(sessionId, customer.getJsonObject("data").getString("communication_id"));
        assertEquals("You said: Hello", client.next().getJsonObject("data").getString("text"));
        assertEquals("turn_ended", client.next().getString("type"));
        client.send("{\"type\":\"ping\"}");
        assertEquals("pong", client.next().getString("type"));

        JsonObject poll = json(api("GET", chatPath(sessionId) + "?cursor=0-0&limit=10", "").body())
                .getJsonObject("data");
        assertEquals(3, poll.getJsonArray("events").size());
        assertEquals("3-0", poll.getString("cursor"));
        JsonObject stored = json(admin("GET", "/__admin/sessions/" + sessionId, "").body()).getJsonObject("data");
        assertEquals("+15551234567", stored.getJsonObject("participants").getString("from"));
        assertEquals("Ann", stored.getJsonObject("metadata").getString("name"));

        assertEquals(200, api("POST", chatPath(sessionId), "{\"data\":{\"type\":\"text\",\"text\":\"from rest\"}}")
                .statusCode());
        assertEquals("from rest", client.next().getJsonObject("data").getString("text"));
        assertEquals("You said: from rest", client.next().getJsonObject("data").getString("text"));
        assertEquals("turn_ended", client.next().getString("type"));

        client.send("{\"type\":\"message\",\"text\":\"bye\"}");
        assertEquals("bye", client.next().getJsonObject("data").getString("text"));
        assertEquals("agent", client.next().getJsonObject("data").getString("speaker"));
        assertEquals("turn_ended", client.next().getString("type"));
        JsonObject ended = client.next();
        assertEquals("communication_ended", ended.getString("type"));
        assertEquals("agent", ended.getString("ended_by"));
        assertEquals(1000, client.closed());
        assertEquals(409, api("POST", chatPath(sessionId), "{\"data\":{\"type\":\"text\",\"text\":\"late\"}}")
                .statusCode());
    }

    @Test
    void restEndClosesTheSocketNormally() throws Exception {
        String sessionId = startRestChat();
        Client client = connect("agent-support", "apikey", API_KEY, "&sessionId=" + sessionId);
        assertEquals(sessionId, client.next().getString("communication_id"));
        assertEquals(200, api("POST", chatPath(sessionId), "{\"data\":{\"type\":\"action\",\"action\":{\"type\":\"end\"}}}")
                .statusCode());
        JsonObject ended = client.next();
        assertEquals("communication_ended", ended.getString("type"));
        assertEquals("user", ended.getString("ended_by"));
        assertEquals(1000, client.closed());
    }

    @Test
    void resumeReplaysExactlyWhatCameAfterTheLastSeenTranscript() throws Exception {
        Client first = connect("agent-support", "token", "sim-token-acme-alice", "");
        String sessionId = first.next().getString("communication_id");
        first.send("{\"type\":\"message\",\"text\":\"one\"}");
        String seen = first.next().getJsonObject("data").getString("id");
        assertEquals(200, admin("POST", "/__admin/sessions/" + sessionId + "/drop", "{\"code\":1011,\"reason\":\"test\"}")
                .statusCode());
        assertEquals(1011, first.closed());

        Client second = connect("agent-support", "token", "sim-token-acme-alice",
                "&sessionId=" + sessionId + "&after=" + seen);
        assertEquals(sessionId, second.next().getString("communication_id"));
        JsonObject replayed = second.next();
        assertEquals("You said: one", replayed.getJsonObject("data").getString("text"));
        assertEquals("turn_ended", second.next().getString("type"), "the turn's marker comes after its transcripts, replayed too");
        second.send("{\"type\":\"message\",\"text\":\"two\"}");
        assertEquals("two", second.next().getJsonObject("data").getString("text"));
        second.close();
    }

    @Test
    void theServerSendsProtocolPings() throws Exception {
        Client client = connect("agent-support", "apikey", API_KEY, "");
        client.next();
        assertTrue(client.pinged.await(WAIT.toSeconds(), TimeUnit.SECONDS), "no ping within " + WAIT);
        client.close();
    }

    @Test
    @Tag("liberty-only") // a TCP abort needs Liberty internals (SIMULATOR.md)
    void dropWith1006AbortsWithoutACloseFrame() throws Exception {
        Client client = connect("agent-support", "apikey", API_KEY, "");
        String sessionId = client.next().getString("communication_id");
        HttpResponse<String> dropped = admin("POST", "/__admin/sessions/" + sessionId + "/drop", "{\"code\":1006}");
        assertEquals("{\"data\":{\"dropped\":1}}", dropped.body());
        assertEquals(1006, client.closed());
    }

    @Test
    @EnabledIfSystemProperty(named = "it.runtime", matches = "wildfly")
    void whereNoSocketCanBeAbortedA1006DropClosesWith1011AndAResetFaultAnswers500() throws Exception {
        Client client = connect("agent-support", "apikey", API_KEY, "");
        String sessionId = client.next().getString("communication_id");
        HttpResponse<String> dropped = admin("POST", "/__admin/sessions/" + sessionId + "/drop", "{\"code\":1006}");
        assertEquals("{\"data\":{\"dropped\":1}}", dropped.body());
        assertEquals(1011, client.closed());
        assertEquals(200, admin("POST", "/__admin/faults",
                "{\"method\":\"GET\",\"path\":\"/api/v1/communications\",\"times\":1,\"reset\":true}").statusCode());
        HttpResponse<String> notAborted = api("GET", "/api/v1/communications?filters=%7B%7D", "");
        assertEquals(500, notAborted.statusCode());
        assertTrue(notAborted.body().contains("could not abort the connection"), notAborted.body());
        assertEquals(200, api("GET", "/api/v1/communications?filters=%7B%7D", "").statusCode());
    }

    @Test
    void refusedHandshakesAndBadCredentialsFailBeforeTheUpgrade() throws Exception {
        assertEquals(200, admin("POST", "/__admin/handshakes/refuse", "{\"times\":1,\"status\":503}").statusCode());
        assertEquals(503, assertThrows(Refused.class, () -> connect("agent-support", "apikey", API_KEY, "")).status);
        Client client = connect("agent-support", "apikey", API_KEY, "");
        assertNotNull(client.next().getString("communication_id"));
        client.close();
        assertEquals(401, assertThrows(Refused.class, () -> connect("agent-support", "apikey", "wrong-key", "")).status);
        assertEquals(403, assertThrows(Refused.class, () -> connect("agent-locked", "apikey", API_KEY, "")).status);
        assertEquals(404, assertThrows(Refused.class, () -> connect("agent-none", "apikey", API_KEY, "")).status);
        String journal = admin("GET", "/__admin/journal?path=/api/v1/agents/", "").body();
        assertTrue(journal.contains("\"status\":503") && journal.contains("\"status\":101")
                && journal.contains("\"status\":401"), journal);
    }

    @Test
    void signedJwtWorksForRestAndWebSocketUntilRevoked() throws Exception {
        HttpResponse<String> signed = api("POST", "/api/v1/jwt/sign", "{\"expiresIn\":600}");
        assertEquals(200, signed.statusCode());
        JsonObject data = json(signed.body()).getJsonObject("data");
        String jwt = data.getString("jwt");
        Client client = connect("agent-sales", "jwt", jwt, "");
        assertNotNull(client.next().getString("communication_id"));
        client.close();
        assertEquals(200, bearer(jwt, "/api/v1/communications?filters=%7B%7D").statusCode());
        assertEquals(200, admin("POST", "/__admin/tokens/revoke", "{\"subject\":\"" + data.getString("id") + "\"}")
                .statusCode());
        assertEquals(401, bearer(jwt, "/api/v1/communications?filters=%7B%7D").statusCode());
        String journal = admin("GET", "/__admin/journal?path=/api/v1/jwt/sign", "").body();
        assertTrue(journal.contains("\"credential\":\"sim-****\""), journal);
        assertFalse(journal.contains(API_KEY), journal);
    }

    @Test
    @Tag("liberty-only") // a TCP abort needs Liberty internals (SIMULATOR.md)
    void resetFaultAbortsTheConnectionWithoutAResponse() throws Exception {
        assertEquals(200, admin("POST", "/__admin/faults",
                "{\"method\":\"GET\",\"path\":\"/api/v1/communications\",\"times\":1,\"reset\":true}").statusCode());
        assertThrows(IOException.class, () -> api("GET", "/api/v1/communications?filters="
                + URLEncoder.encode("{}", StandardCharsets.UTF_8), ""));
        assertEquals(200, api("GET", "/api/v1/communications?filters=%7B%7D", "").statusCode());
    }

    @Test
    void aLongPollAnswersAsSoonAsAnEventArrives() throws Exception {
        String sessionId = startRestChat();
        // block=30 with a 20 s client timeout: only a poll woken by the event can answer in time
        CompletableFuture<HttpResponse<String>> poll = http.sendAsync(HttpRequest.newBuilder(
                URI.create(base + chatPath(sessionId) + "?cursor=0-0&block=30")).timeout(WAIT)
                .header("x-api-key", API_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
        Client client = connect("agent-support", "apikey", API_KEY, "&sessionId=" + sessionId);
        client.next();
        client.send("{\"type\":\"message\",\"text\":\"wake up\"}");
        JsonObject data = json(poll.get(WAIT.toSeconds(), TimeUnit.SECONDS).body()).getJsonObject("data");
        assertEquals("wake up", data.getJsonArray("events").getJsonObject(0).getJsonObject("data").getString("text"));
        client.send("{\"type\":\"end\"}");
        assertEquals("customer", client.next().getJsonObject("data").getString("speaker"));
        assertEquals("agent", client.next().getJsonObject("data").getString("speaker"));
        assertEquals("turn_ended", client.next().getString("type"));
        assertEquals("user", client.next().getString("ended_by"));
        assertEquals(1000, client.closed());
    }

    @Test
    void resetEndsOpenChatsForTheSystemAndExpiredTokensAreRefused() throws Exception {
        Client client = connect("agent-support", "token", "sim-token-acme-bob", "");
        String sessionId = client.next().getString("communication_id");
        assertEquals(200, admin("POST", "/__admin/reset", "").statusCode());
        assertEquals("system", client.next().getString("ended_by"));
        assertEquals(1000, client.closed());
        assertEquals(404, api("GET", chatPath(sessionId), "").statusCode());

        assertEquals(200, admin("POST", "/__admin/tokens/expire", "{\"token\":\"sim-token-acme-bob\"}").statusCode());
        HttpResponse<String> expired = bearer("sim-token-acme-bob", "/api/v1/communications?filters=%7B%7D");
        assertEquals(401, expired.statusCode());
        assertEquals("token expired", json(expired.body()).getString("message"));
        assertEquals(401, assertThrows(Refused.class, () -> connect("agent-support", "token", "sim-token-acme-bob", ""))
                .status);
    }

    @Test
    void statusAndDelayFaultsAreUsedUpInOrder() throws Exception {
        assertEquals(200, admin("POST", "/__admin/faults", "{\"method\":\"POST\",\"path\":\"/api/v1/jwt/sign\","
                + "\"times\":2,\"status\":503,\"body\":{\"message\":\"down\",\"error\":\"UNAVAILABLE\"}}").statusCode());
        assertEquals(200, admin("POST", "/__admin/faults", "{\"path\":\"/api/v1/jwt/sign\",\"delay_ms\":50}")
                .statusCode());
        HttpResponse<String> first = api("POST", "/api/v1/jwt/sign", "{}");
        assertEquals(503, first.statusCode());
        assertEquals("UNAVAILABLE", json(first.body()).getString("error"));
        assertEquals(503, api("POST", "/api/v1/jwt/sign", "{}").statusCode());
        assertEquals(200, api("POST", "/api/v1/jwt/sign", "{}").statusCode());
        assertEquals("{\"data\":[]}", admin("GET", "/__admin/faults", "").body());
        assertEquals(3, json(admin("GET", "/__admin/journal?path=/api/v1/jwt/sign", "").body()).getJsonArray("data")
                .size());
        assertEquals(200, admin("DELETE", "/__admin/journal", "").statusCode());
        assertEquals("{\"data\":[]}", admin("GET", "/__admin/journal", "").body());
    }

    @Test
    void communicationsListSeedsAndHeldChats() throws Exception {
        String sessionId = startRestChat();
        api("POST", chatPath(sessionId), "{\"data\":{\"type\":\"text\",\"text\":\"Hi\"}}");
        String filters = URLEncoder.encode("{\"type\":[\"chat\"],\"from_email\":[\"ann@example.com\"]}",
                StandardCharsets.UTF_8);
        JsonObject page = json(api("GET", "/api/v1/communications?filters=" + filters + "&page=1&limit=5", "").body());
        assertEquals(1, page.getJsonObject("pagination").getInt("total_rows"));
        assertEquals(sessionId, page.getJsonArray("data").getJsonObject(0).getString("id"));
        JsonObject record = json(api("GET", "/api/v1/communications/" + sessionId, "").body()).getJsonObject("data");
        assertEquals(2, record.getJsonArray("transcriptions").size());
        JsonObject all = json(api("GET", "/api/v1/communications?filters=%7B%7D&limit=100", "").body());
        assertEquals(58, all.getJsonObject("pagination").getInt("total_rows"));
        assertEquals(400, api("GET", "/api/v1/communications?filters=%7Bnope", "").statusCode());
        assertEquals(404, api("GET", "/api/v1/communications/nope", "").statusCode());
    }

    private String startRestChat() throws Exception {
        HttpResponse<String> created = api("POST", "/api/workspace/ws-acme/v3/chat",
                "{\"agent_id\":\"agent-support\",\"comm_type\":\"chat\",\"from\":\"ann@example.com\","
                        + "\"from_type\":\"email\",\"metadata\":{}}");
        assertEquals(200, created.statusCode(), created.body());
        return json(created.body()).getJsonObject("data").getString("session_id");
    }

    private static String chatPath(String sessionId) {
        return "/api/workspace/ws-acme/v3/chat/" + sessionId;
    }

    private HttpResponse<String> api(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(WAIT).header("x-api-key", API_KEY)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> bearer(String token, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(WAIT)
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> admin(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(WAIT)
                .header("X-Simulator-Admin-Key", "sim-admin").header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private Client connect(String agent, String scheme, String secret, String query) throws Exception {
        Client client = new Client();
        URI uri = URI.create(base.replaceFirst("^http", "ws") + "/api/v1/agents/" + agent + "/chat?commType=chat"
                + query);
        try {
            client.socket = http.newWebSocketBuilder().subprotocols(scheme, secret).connectTimeout(WAIT)
                    .buildAsync(uri, client).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                throw new Refused(refused.getResponse().statusCode());
            }
            throw e;
        }
        assertEquals(scheme, client.socket.getSubprotocol());
        return client;
    }

    /** A handshake the server answered with an HTTP status instead of the upgrade. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        Refused(int status) {
            super("handshake refused with " + status);
            this.status = status;
        }
    }

    /** Collects what the server sends, in order; an abnormal end (no close frame) is close code 1006. */
    static final class Client implements WebSocket.Listener {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final CountDownLatch pinged = new CountDownLatch(1);
        private final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            pinged.countDown();
            return WebSocket.Listener.super.onPing(webSocket, message);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(1006);
        }

        JsonObject next() throws InterruptedException {
            String message = messages.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(message, "no message within " + WAIT);
            return json(message);
        }

        void send(String text) throws Exception {
            socket.sendText(text, true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }

        int closed() throws Exception {
            return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }

        void close() throws Exception {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }
}
