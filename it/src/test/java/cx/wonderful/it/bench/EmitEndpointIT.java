package cx.wonderful.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.it.support.Deployments;
import cx.wonderful.it.support.Simulator;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The simulator's benchmark driver, {@code POST /__admin/sessions/{id}/emit}, from outside the server: it records
 * ordinary customer turns (each echoed by the agent) that the Chat V3 history shows, and refuses bad input.
 */
@ExtendWith(ArquillianExtension.class)
class EmitEndpointIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("bench-emit");
    }

    @BeforeEach
    void reset() {
        Simulator.reset();
    }

    @Test
    void emitsOrdinaryTurnsStampedWithTheSendTime() {
        String id = createSession();

        JsonObject answer = (JsonObject) Simulator.admin("POST", "/__admin/sessions/" + id + "/emit", "{\"count\":3}");

        assertEquals(3, answer.getJsonObject("data").getInt("emitted"));
        assertEquals(6, answer.getJsonObject("data").getInt("transcripts"));
        List<JsonObject> events = history(id);
        assertEquals(9, events.size(), "3 turns: customer text, agent echo, turn_ended each");
        for (int turn = 0; turn < 3; turn++) {
            JsonObject customer = events.get(3 * turn);
            JsonObject agent = events.get(3 * turn + 1);
            String text = customer.getJsonObject("data").getString("text");
            assertEquals("customer", customer.getString("speaker"));
            assertTrue(text.matches("emit " + (turn + 1) + " -?\\d+"), text);
            assertEquals("You said: " + text, agent.getJsonObject("data").getString("text"));
            assertEquals("turn_ended", events.get(3 * turn + 2).getString("type"));
        }
    }

    @Test
    void refusesBadCountsUnknownSessionsEndedChatsAndCallersWithoutTheAdminKey() {
        String id = createSession();
        assertError(emit(id, "{\"count\":0}", true), 400, "VALIDATION_ERROR");
        assertError(emit(id, "{\"count\":100001}", true), 400, "VALIDATION_ERROR");
        assertError(emit(id, "{\"count\":\"many\"}", true), 400, "VALIDATION_ERROR");
        assertError(emit("no-such-session", "{\"count\":1}", true), 404, "SESSION_NOT_FOUND");
        assertEquals(401, emit(id, "{\"count\":1}", false).statusCode());

        Simulator.admin("POST", "/__admin/sessions/" + id + "/emit", "{\"count\":1}");
        HttpResponse<String> end = Simulator.send(apiRequest("/api/workspace/" + Simulator.WORKSPACE + "/v3/chat/" + id)
                .POST(HttpRequest.BodyPublishers.ofString("{\"data\":{\"type\":\"action\",\"action\":{\"type\":\"end\"}}}")).build());
        assertEquals(200, end.statusCode(), end.body());
        assertError(emit(id, "{\"count\":1}", true), 409, "SESSION_ENDED");
    }

    private static HttpResponse<String> emit(String id, String body, boolean withAdminKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(Simulator.uri("/__admin/sessions/" + id + "/emit"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (withAdminKey) {
            request.header(Simulator.ADMIN_HEADER, Simulator.ADMIN_KEY);
        }
        return Simulator.send(request.build());
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(code, ((JsonObject) Simulator.parse(response.body()).orElseThrow()).getString("error"));
    }

    private static String createSession() {
        HttpResponse<String> created = Simulator.send(apiRequest("/api/workspace/" + Simulator.WORKSPACE + "/v3/chat")
                .POST(HttpRequest.BodyPublishers.ofString("{\"agent_id\":\"" + Simulator.DEFAULT_AGENT
                        + "\",\"comm_type\":\"chat\",\"from\":\"emit@acme.example\",\"from_type\":\"email\"}")).build());
        assertEquals(200, created.statusCode(), created.body());
        return ((JsonObject) Simulator.parse(created.body()).orElseThrow()).getJsonObject("data").getString("session_id");
    }

    private static List<JsonObject> history(String id) {
        HttpResponse<String> events = Simulator.send(apiRequest("/api/workspace/" + Simulator.WORKSPACE + "/v3/chat/" + id
                + "?cursor=0-0&limit=100").GET().build());
        assertEquals(200, events.statusCode(), events.body());
        return ((JsonObject) Simulator.parse(events.body()).orElseThrow()).getJsonObject("data").getJsonArray("events")
                .getValuesAs(JsonObject.class);
    }

    private static HttpRequest.Builder apiRequest(String path) {
        return HttpRequest.newBuilder(Simulator.uri(path)).timeout(Duration.ofSeconds(30))
                .header("x-api-key", Simulator.API_KEY).header("Content-Type", "application/json");
    }
}
