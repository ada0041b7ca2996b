package cx.wonderful.simulator.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwtServiceTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private final JwtService service = new JwtService("https://simulator.test");

    private IssuedJwt issue() {
        return service.issue(new SignRequest("3f2504e0-4f89-41d3-9a0c-0305e82c3301", 600,
                Json.createObjectBuilder().add("name", "Ann").build(), null), "acme", NOW);
    }

    @Test
    void signsRs256WithTheDocumentedClaimsVerifiableWithThePublishedJwks() throws Exception {
        IssuedJwt issued = issue();
        assertEquals(NOW.getEpochSecond() + 600, issued.expiresAt());
        SignedJWT jwt = SignedJWT.parse(issued.jwt());
        assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
        assertEquals(JwtService.KEY_ID, jwt.getHeader().getKeyID());
        RSAKey published = JWKSet.parse(service.jwks()).getKeyByKeyId(JwtService.KEY_ID).toRSAKey();
        assertFalse(published.isPrivate());
        assertTrue(jwt.verify(new RSASSAVerifier(published)));
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals("https://simulator.test", claims.getIssuer());
        assertEquals("3f2504e0-4f89-41d3-9a0c-0305e82c3301", claims.getSubject());
        assertEquals(NOW, claims.getIssueTime().toInstant());
        assertEquals(issued.jti(), claims.getJWTID());
        assertEquals("acme", claims.getStringClaim("tenant_id"));
        assertEquals(Map.of("name", "Ann"), claims.getJSONObjectClaim("metadata"));
    }

    @Test
    void verifyChecksSignatureIssuerAndExpiry() {
        IssuedJwt issued = issue();
        assertTrue(service.verify(issued.jwt(), NOW.plusSeconds(599)).isPresent());
        assertFalse(service.verify(issued.jwt(), NOW.plusSeconds(600)).isPresent());
        String[] parts = issued.jwt().split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        assertFalse(service.verify(tampered, NOW).isPresent());
        assertFalse(service.verify(new JwtService("https://simulator.test").issue(
                new SignRequest("3f2504e0-4f89-41d3-9a0c-0305e82c3301", 600, Json.createObjectBuilder().build(), null),
                "acme", NOW).jwt(), NOW).isPresent());
        assertFalse(service.verify("not-a-jwt", NOW).isPresent());
        assertEquals(issued.jti(), service.idOf(issued.jwt()).orElseThrow());
    }
}
