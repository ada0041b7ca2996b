package cx.wonderful.it.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.it.support.Deployments;
import cx.wonderful.it.support.Simulator;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A JAX-RS resource that reads the history as {@code Identity.inboundToken()} carries its caller's bearer token
 * (here the simulator's Wonderful token of alice); the same resource's application path carries the API key even
 * when the request has a bearer token; no inbound token is a typed error and nothing is sent.
 */
@ExtendWith(ArquillianExtension.class)
class TokenPropagationIT {

    private static final String ALICE = "sim-token-acme-alice";
    private static final String COMMUNICATIONS = "/api/v1/communications";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("auth-propagation", HistoryResource.class, WonderfulExceptionMapper.class, TokenApplication.class);
    }

    @ArquillianResource
    URL base;

    @BeforeEach
    void reset() {
        Simulator.reset();
    }

    private HttpResponse<String> get(String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return Simulator.send(request.GET().build());
    }

    @Test
    void propagationOnCarriesTheInboundToken() {
        HttpResponse<String> answer = get("history/mine", ALICE);
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("0", answer.body(), "alice has no chat yet: her own history is empty");
        List<JsonObject> calls = Simulator.journal(COMMUNICATIONS);
        assertEquals(1, calls.size(), calls.toString());
        assertEquals("token", calls.get(0).getString("credential_kind"));
        assertEquals("alice", calls.get(0).getString("sub"));
    }

    @Test
    void propagationOffCarriesTheApiKeyEvenWhenTheRequestHasAToken() {
        HttpResponse<String> answer = get("history/tenant", ALICE);
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(Long.parseLong(answer.body()) >= 57, "the tenant's seeded history: " + answer.body());
        List<JsonObject> calls = Simulator.journal(COMMUNICATIONS);
        assertEquals(1, calls.size(), calls.toString());
        assertEquals("apikey", calls.get(0).getString("credential_kind"));
        assertTrue(calls.get(0).isNull("sub"));
    }

    @Test
    void noInboundTokenIsATypedErrorAndNothingIsSent() {
        HttpResponse<String> answer = get("history/mine", null);
        assertEquals(502, answer.statusCode(), answer.body());
        JsonObject error = (JsonObject) Simulator.parse(answer.body()).orElseThrow();
        assertEquals("NOT_AUTHENTICATED", error.getString("error"));
        assertTrue(Simulator.journal(COMMUNICATIONS).isEmpty(), "no fall-back to the API key");
    }
}
