package cx.wonderful.it.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import cx.wonderful.it.support.Simulator;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo's token endpoints over HTTP, as the README's curl check does them: the demo user gets a JWT the
 * simulator signed for its stable end-user id; without credentials, 401; a refresh keeps the end user and refuses
 * another user's id.
 */
// The demo's sign-in is Liberty's basic registry (server.xml).
@Tag("liberty-only")
@ExtendWith(ArquillianExtension.class)
class DemoApiIT {

    private static final String DEMO = DemoApp.basic(DemoApp.USER, DemoApp.PASSWORD);
    /** The demo's name-based end-user id of the demo user (liberty/demo EndUser). */
    private static final UUID DEMO_ENTITY_ID = UUID.nameUUIDFromBytes(("wonderful-demo:" + DemoApp.USER).getBytes(StandardCharsets.UTF_8));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return DemoApp.war();
    }

    @ArquillianResource
    URL base;

    @BeforeEach
    void resetSimulator() {
        Simulator.reset();
    }

    @Test
    void sdkTokenIsAJwtSignedForTheDemoUser() throws Exception {
        HttpResponse<String> response = Simulator.send(DemoApp.post(base, "api/sdk-token", DEMO, null).build());

        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = (JsonObject) Simulator.parse(response.body()).orElseThrow();
        SignedJWT jwt = SignedJWT.parse(body.getString("token"));
        assertTrue(jwt.verify(new RSASSAVerifier(simulatorKey(jwt.getHeader().getKeyID()))), "signed by the simulator's key");
        assertEquals(DEMO_ENTITY_ID.toString(), body.getString("id"));
        assertEquals(body.getString("id"), jwt.getJWTClaimsSet().getSubject());
        assertEquals(jwt.getJWTClaimsSet().getExpirationTime().toInstant().getEpochSecond(), body.getJsonNumber("expiresAt").longValue());
        assertTrue(Instant.ofEpochSecond(body.getJsonNumber("expiresAt").longValue()).isAfter(Instant.now()), "not expired");
    }

    @Test
    void sdkTokenWithoutCredentialsIs401() {
        HttpResponse<String> response = Simulator.send(DemoApp.post(base, "api/sdk-token", null, null).build());

        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"),
                "asks for the demo's Basic sign-in: " + response.headers().map());
        assertFalse(response.body().contains("eyJ"), "no token in the refusal");
    }

    @Test
    void sdkTokenWithAWrongPasswordIs401() {
        HttpResponse<String> response = Simulator.send(DemoApp.post(base, "api/sdk-token", DemoApp.basic(DemoApp.USER, "wrong"), null).build());

        assertEquals(401, response.statusCode());
    }

    @Test
    void refreshIssuesAFreshTokenForTheSameEndUser() throws Exception {
        JsonObject first = json(Simulator.send(DemoApp.post(base, "api/sdk-token", DEMO, null).build()), 200);

        JsonObject refreshed = json(Simulator.send(DemoApp.post(base, "api/refresh-sdk-token", DEMO,
                "{\"entityId\":\"" + first.getString("id") + "\"}").build()), 200);

        assertEquals(first.getString("id"), refreshed.getString("id"));
        assertEquals(first.getString("id"), SignedJWT.parse(refreshed.getString("token")).getJWTClaimsSet().getSubject());
        assertNotEquals(first.getString("token"), refreshed.getString("token"), "a new token, not the old one again");
    }

    @Test
    void refreshForAnotherUsersIdIs403() {
        JsonObject error = json(Simulator.send(DemoApp.post(base, "api/refresh-sdk-token", DEMO,
                "{\"entityId\":\"" + UUID.randomUUID() + "\"}").build()), 403);

        assertEquals("FORBIDDEN", error.getString("code"));
    }

    @Test
    void refreshWithoutAValidEntityIdIs400BeforeAnyCallToWonderful() {
        JsonObject missing = json(Simulator.send(DemoApp.post(base, "api/refresh-sdk-token", DEMO, "{}").build()), 400);
        JsonObject malformed = json(Simulator.send(DemoApp.post(base, "api/refresh-sdk-token", DEMO, "{\"entityId\":\"not-a-uuid\"}").build()), 400);

        assertEquals("VALIDATION_ERROR", missing.getString("code"));
        assertEquals("VALIDATION_ERROR", malformed.getString("code"));
        assertTrue(malformed.getString("message").contains("UUID"), malformed.getString("message"));
    }

    @Test
    void chatEndpointsBeforeAChatStartedAre404() {
        HttpResponse<String> events = Simulator.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve("api/chat/events"))
                .header("Authorization", DEMO).header("Accept", "text/event-stream").GET().build());
        JsonObject message = json(Simulator.send(DemoApp.post(base, "api/chat/messages", DEMO, "{\"text\":\"hello\"}").build()), 404);

        assertEquals(404, events.statusCode(), events.body());
        assertEquals("SESSION_NOT_FOUND", message.getString("code"));
    }

    @Test
    void theUsersChatRunsWithTheirOwnJwtAndTheirPastChatsAreListed() {
        JsonObject started = json(Simulator.send(DemoApp.post(base, "api/chat", DEMO, null).build()), 200);
        String sessionId = started.getString("sessionId");
        for (JsonObject call : Simulator.journal("/api/workspace/")) {
            assertEquals("jwt", call.getString("credential_kind"), call.toString());
            assertEquals(DEMO_ENTITY_ID.toString(), call.getString("sub"), call.toString());
        }
        HttpResponse<String> chats = Simulator.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve("api/chats"))
                .header("Authorization", DEMO).header("Accept", "application/json").GET().build());
        assertEquals(200, chats.statusCode(), chats.body());
        JsonArray list = (JsonArray) Simulator.parse(chats.body()).orElseThrow();
        assertEquals(List.of(sessionId), list.getValuesAs(JsonObject.class).stream().map(c -> c.getString("id")).toList(),
                "the user's own chats only, read as the user");
        assertEquals(DEMO_ENTITY_ID.toString(), Simulator.journal("/api/v1/communications").get(0).getString("sub"));
        assertEquals(204, Simulator.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve("api/chat"))
                .header("Authorization", DEMO).DELETE().build()).statusCode());
    }

    @Test
    void chatEndpointsNeedTheDemoUser() {
        assertEquals(401, Simulator.send(DemoApp.post(base, "api/chat", null, null).build()).statusCode());
        assertEquals(401, Simulator.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve("api/chat/events")).GET().build()).statusCode());
    }

    @Test
    void pageIsPublic() {
        HttpResponse<String> page = Simulator.send(HttpRequest.newBuilder(URI.create(base.toString())).GET().build());

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"sign-in-form\""), "the chat page");
    }

    private static JsonObject json(HttpResponse<String> response, int expectedStatus) {
        assertEquals(expectedStatus, response.statusCode(), response.body());
        return (JsonObject) Simulator.parse(response.body()).orElseThrow();
    }

    private static RSAKey simulatorKey(String keyId) throws Exception {
        String jwks = Simulator.send(HttpRequest.newBuilder(Simulator.uri("/.well-known/jwks.json")).GET().build()).body();
        return JWKSet.parse(jwks).getKeyByKeyId(keyId).toRSAKey();
    }
}
