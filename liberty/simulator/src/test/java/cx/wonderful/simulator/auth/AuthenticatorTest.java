package cx.wonderful.simulator.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.simulator.accounts.Accounts;
import cx.wonderful.simulator.jwt.IssuedJwt;
import cx.wonderful.simulator.jwt.JwtService;
import cx.wonderful.simulator.jwt.SignRequest;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private final Accounts accounts = new Accounts(Map.of("sim-key-acme", "acme"),
            Map.of("sim-token-acme-alice", new Accounts.TokenOwner("acme", "alice")), Set.of("acme"), "ws-acme",
            Set.of("agent-support"), "agent-support", Set.of(), "sim-admin", "https://simulator.test",
            Duration.ofSeconds(5), Duration.ofSeconds(30));
    private final JwtService jwts = new JwtService("https://simulator.test");
    private final TokenRevocations revocations = new TokenRevocations();
    private final Authenticator authenticator = new Authenticator(accounts, jwts, revocations,
            Clock.fixed(NOW, ZoneOffset.UTC));

    private IssuedJwt sign(String entityId) {
        IssuedJwt issued = jwts.issue(new SignRequest(entityId, 600, JsonValue.EMPTY_JSON_OBJECT, null), "acme", NOW);
        revocations.issued(issued.jti(), issued.entityId());
        return issued;
    }

    @Test
    void acceptsEachCredentialKindWithItsTenantAndSubject() {
        AuthResult key = authenticator.http("sim-key-acme", null);
        assertEquals(new Caller(CredentialKind.API_KEY, "acme", null, "sim-****"), key.caller());
        AuthResult token = authenticator.http(null, "bearer sim-token-acme-alice");
        assertEquals("alice", token.caller().subject());
        assertEquals(CredentialKind.TOKEN, token.kind());
        IssuedJwt jwt = sign("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
        AuthResult signed = authenticator.http(null, "Bearer " + jwt.jwt());
        assertEquals(CredentialKind.SIGNED_TOKEN, signed.kind());
        assertEquals("3f2504e0-4f89-41d3-9a0c-0305e82c3301", signed.caller().subject());
        assertEquals("acme", signed.caller().tenantId());
    }

    @Test
    void refusesMissingUnknownAndNonBearerCredentialsWithoutEchoingThem() {
        assertFalse(authenticator.http(null, null).isAccepted());
        AuthResult wrongKey = authenticator.http("sim-key-wrong-123", null);
        assertFalse(wrongKey.isAccepted());
        assertEquals("sim-****", wrongKey.maskedCredential());
        assertFalse(wrongKey.failure().contains("sim-key-wrong-123"));
        assertFalse(authenticator.http(null, "Basic c2ltOnNpbQ==").isAccepted());
        assertFalse(authenticator.http(null, "Bearer sim-token-nobody").isAccepted());
        assertFalse(authenticator.http(null, "Bearer a.b.c").isAccepted());
    }

    @Test
    void revokingASubjectRevokesItsJwtsSoFarButNotLaterOnes() {
        IssuedJwt before = sign("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
        assertEquals(1, revocations.revokeSubject("3f2504e0-4f89-41d3-9a0c-0305e82c3301"));
        AuthResult revoked = authenticator.http(null, "Bearer " + before.jwt());
        assertEquals("token revoked", revoked.failure());
        IssuedJwt after = sign("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
        assertTrue(authenticator.http(null, "Bearer " + after.jwt()).isAccepted());
    }

    @Test
    void expiredAndRevokedWonderfulTokensAreRefusedUntilReset() {
        revocations.markToken("sim-token-acme-alice", TokenRevocations.State.EXPIRED);
        assertEquals("token expired", authenticator.http(null, "Bearer sim-token-acme-alice").failure());
        revocations.reset();
        assertTrue(authenticator.http(null, "Bearer sim-token-acme-alice").isAccepted());
        revocations.revokeSubject("alice");
        assertEquals("token revoked", authenticator.http(null, "Bearer sim-token-acme-alice").failure());
    }

    @Test
    void readsTheWebSocketSubProtocolHeaderAsSchemeThenSecret() {
        assertTrue(authenticator.webSocket(List.of("apikey, sim-key-acme")).isAccepted());
        assertTrue(authenticator.webSocket(List.of("token", "sim-token-acme-alice")).isAccepted());
        IssuedJwt jwt = sign("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
        assertEquals(CredentialKind.SIGNED_TOKEN, authenticator.webSocket(List.of("jwt, " + jwt.jwt())).kind());
        assertFalse(authenticator.webSocket(List.of("jwt, sim-token-acme-alice")).isAccepted());
        assertFalse(authenticator.webSocket(List.of("bearer, sim-key-acme")).isAccepted());
        assertFalse(authenticator.webSocket(List.of("apikey")).isAccepted());
        assertFalse(authenticator.webSocket(List.of()).isAccepted());
    }
}
