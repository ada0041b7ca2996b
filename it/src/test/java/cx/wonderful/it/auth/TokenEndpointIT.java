package cx.wonderful.it.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import cx.wonderful.it.support.Deployments;
import cx.wonderful.it.support.ServerLogs;
import cx.wonderful.it.support.Simulator;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The seed's token endpoint in a test WAR on Liberty, called over HTTP: the token it returns is a JWT that verifies
 * against the simulator's published keys, for the requested end user; bad input gives the library's typed errors.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TokenEndpointIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("auth-token", SdkTokenResource.class, WonderfulExceptionMapper.class, TokenApplication.class);
    }

    @ArquillianResource
    URL base;

    @BeforeEach
    void reset() {
        Simulator.reset();
    }

    private HttpResponse<String> post(String json) {
        return Simulator.send(HttpRequest.newBuilder(java.net.URI.create(base + "api/sdk-token"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static JsonObject json(HttpResponse<String> response) {
        return (JsonObject) Simulator.parse(response.body()).orElseThrow();
    }

    @Test
    @Order(1)
    void theTokenIsAJwtOfTheSimulatorForTheRequestedUser() throws Exception {
        UUID id = UUID.randomUUID();
        HttpResponse<String> response = post("{\"id\":\"" + id + "\",\"expiresIn\":600,\"metadata\":{\"plan\":\"gold\"}}");

        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = json(response);
        assertEquals(id.toString(), body.getString("id"));
        SignedJWT jwt = SignedJWT.parse(body.getString("token"));
        JWKSet keys = JWKSet.load(Simulator.uri("/.well-known/jwks.json").toURL());
        RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new RSASSAVerifier(key)), "the JWT verifies against the simulator's JWKS");
        assertEquals(id.toString(), jwt.getJWTClaimsSet().getSubject());
        assertEquals(jwt.getJWTClaimsSet().getExpirationTime().toInstant().getEpochSecond(), body.getJsonNumber("expiresAt").longValue());
        long lifetime = body.getJsonNumber("expiresAt").longValue() - Instant.now().getEpochSecond();
        assertTrue(lifetime > 500 && lifetime <= 600, "lifetime " + lifetime);
        List<JsonObject> signs = Simulator.journal("/api/v1/jwt/sign");
        assertEquals(1, signs.size());
        assertEquals("apikey", signs.get(0).getString("credential_kind"));
    }

    @Test
    @Order(2)
    void withoutAnIdTheEndpointGetsANewUser() throws Exception {
        HttpResponse<String> response = post("{}");

        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = json(response);
        UUID id = UUID.fromString(body.getString("id"));
        assertEquals(id.toString(), SignedJWT.parse(body.getString("token")).getJWTClaimsSet().getSubject());
    }

    @Test
    @Order(3)
    void badInputGivesTypedValidationErrorsAndNoSignCall() {
        String[] bad = {
            "{\"id\":\"not-a-uuid\"}",
            "{\"expiresIn\":59}",
            "{\"expiresIn\":86401}",
            "{\"expiresIn\":600.5}",
            "{\"expiresIn\":\"600\"}",
            "{\"metadata\":[1,2]}",
            "{\"metadata\":{\"k\":\"" + "x".repeat(4100) + "\"}}",
            "{\"tenantId\":\" \"}",
        };
        for (String body : bad) {
            HttpResponse<String> response = post(body);
            assertEquals(400, response.statusCode(), body + " -> " + response.body());
            JsonObject error = json(response);
            assertEquals("VALIDATION_ERROR", error.getString("error"), body);
            assertFalse(error.getBoolean("recoverable"));
        }
        assertTrue(Simulator.journal("/api/v1/jwt/sign").isEmpty(), "validation happens before any network call");
    }

    @Test
    @Order(4)
    void bothBoundsOfExpiresInAreAccepted() {
        assertEquals(200, post("{\"expiresIn\":60}").statusCode());
        assertEquals(200, post("{\"expiresIn\":86400}").statusCode());
        assertEquals(2, Simulator.journal("/api/v1/jwt/sign").size());
    }

    @Test
    @Order(100)
    void noSecretReachedTheServerLogs() throws Exception {
        assertEquals(200, post("{}").statusCode());
        ServerLogs.assertNoSecrets();
    }
}
