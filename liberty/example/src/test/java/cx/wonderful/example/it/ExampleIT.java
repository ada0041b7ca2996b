package cx.wonderful.example.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.example.ExampleApplication;
import cx.wonderful.testkit.SimulatorExtension;
import cx.wonderful.testkit.WonderfulDeployments;
import cx.wonderful.testkit.WonderfulSimulator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The example application on a real Open Liberty beside the simulator, called as its users would call it: the token
 * endpoint behind the server's sign-in, a chat relayed as server-sent events, the call history, and the library's
 * errors as RFC 9457 problems.
 */
// tag::test[]
@ExtendWith(ArquillianExtension.class)
@ExtendWith(SimulatorExtension.class)   // a reset simulator for every test; WonderfulSimulator parameters
@RunAsClient
class ExampleIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return WonderfulDeployments.war("example")   // the library and the test kit in WEB-INF/lib
                .addPackage(ExampleApplication.class.getPackage())
                .setWebXML(new File("src/main/webapp/WEB-INF/web.xml"));
    }

    @ArquillianResource URL app;   // http://localhost:<port>/example/

    @Test
    void theTokenEndpointSignsAJwtForTheSignedInUser(WonderfulSimulator simulator) {
        assertEquals(401, post("api/sdk-token", null, "").statusCode());
        HttpResponse<String> signed = post("api/sdk-token", ALICE, "");
        assertEquals(200, signed.statusCode(), signed.body());
        JsonObject token = json(signed);
        assertEquals(3, token.getString("token").split("\\.").length);
        assertEquals(UUID.nameUUIDFromBytes("alice".getBytes(StandardCharsets.UTF_8)).toString(), token.getString("id"));
        List<JsonObject> calls = simulator.journal("/api/v1/jwt/sign");
        assertEquals(1, calls.size());
        assertEquals("apikey", calls.get(0).getString("credential_kind"));
    }
    // end::test[]

    @Test
    void aChatIsRelayedAndASendToAnUnknownChatIsANotFoundProblem() throws InterruptedException {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpRequest start = request("api/support/chats?phone=%2B15551234567", ALICE)
                .header("Accept", "text/event-stream").POST(HttpRequest.BodyPublishers.noBody()).build();
        HTTP.sendAsync(start, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
            String[] name = {""};
            response.body().forEach(line -> {
                if (line.startsWith("event:")) {
                    name[0] = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    events.add(name[0] + "=" + line.substring(5).trim());
                }
            });
        });
        String session = next(events);
        assertTrue(session.startsWith("session="), session);
        String id = session.substring("session=".length());

        assertEquals(204, post("api/support/chats/" + id + "/messages", ALICE, "hello").statusCode());
        assertEquals("message=CUSTOMER: hello", next(events));
        assertEquals("message=AGENT: You said: hello", next(events));
        assertEquals(204, post("api/support/chats/" + id + "/messages", ALICE, "bye").statusCode());
        assertEquals("message=CUSTOMER: bye", next(events));
        assertEquals("message=AGENT: Goodbye! Thanks for chatting with Wonderful.", next(events));
        assertEquals("ended=AGENT", next(events));

        HttpResponse<String> unknown = post("api/support/chats/" + id + "/messages", ALICE, "still there?");
        assertEquals(404, unknown.statusCode(), "the ended chat is gone: " + unknown.body());
        assertEquals("application/problem+json", unknown.headers().firstValue("Content-Type").orElse(""));
        JsonObject problem = json(unknown);
        assertEquals("SESSION_NOT_FOUND", problem.getString("code"));
        assertEquals(404, problem.getInt("status"));
        assertFalse(problem.getBoolean("recoverable"));
    }

    @Test
    void aChatWithoutAPhoneIsABadRequestProblem() {
        HttpResponse<String> response = post("api/support/chats", ALICE, "");
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("MISSING_PARTICIPANT", json(response).getString("code"));
    }

    @Test
    void theHistoryFindsTheSeededCalls() {
        JsonObject inbound = json(get("api/history/inbound-calls"));
        assertFalse(inbound.getJsonArray("calls").isEmpty(), inbound.toString());
        assertEquals(inbound.getJsonArray("calls").size(), inbound.getInt("total"), inbound.toString());
        assertTrue(json(get("api/history/missed")).getInt("missed") > 0);
        String first = inbound.getJsonArray("calls").getJsonObject(0).getString("id");
        JsonObject call = json(get("api/history/" + first));
        assertEquals(first, call.getString("id"));
        assertTrue(call.getJsonArray("newerFields").toString().contains("priority"), "fields outside the contract are kept");
        assertEquals(400, get("api/history/inbound-calls?since=last-week").statusCode());
    }

    @Test
    void wonderfulFailingIsABadGatewayProblemWithoutTheServersText(WonderfulSimulator simulator) {
        simulator.fault(Json.createObjectBuilder().add("path", "/api/v1/communications").add("times", 20)
                .add("status", 500).add("body", Json.createObjectBuilder().add("message", "db password is hunter2")).build());
        HttpResponse<String> response = get("api/history/missed");
        assertEquals(502, response.statusCode(), response.body());
        JsonObject problem = json(response);
        assertEquals("SERVER_ERROR", problem.getString("code"));
        assertFalse(response.body().contains("hunter2"), response.body());
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String ALICE = "Basic " + Base64.getEncoder().encodeToString("alice:alice-password".getBytes(StandardCharsets.UTF_8));

    private static String next(BlockingQueue<String> events) throws InterruptedException {
        String event = events.poll(60, TimeUnit.SECONDS);
        assertNotNull(event, "no event within 60 s");
        return event;
    }

    private HttpRequest.Builder request(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.toString()).resolve(path)).timeout(Duration.ofSeconds(60));
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private HttpResponse<String> post(String path, String authorization, String text) {
        return WonderfulSimulator.send(request(path, authorization).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(text)).build());
    }

    private HttpResponse<String> get(String path) {
        return WonderfulSimulator.send(request(path, ALICE).header("Accept", "application/json").GET().build());
    }

    private static JsonObject json(HttpResponse<String> response) {
        return WonderfulSimulator.parse(response.body()).orElseThrow().asJsonObject();
    }
}
