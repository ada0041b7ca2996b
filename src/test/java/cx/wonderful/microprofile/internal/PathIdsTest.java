package cx.wonderful.microprofile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The path-id rule and segment encoding, the path guard, the redaction of secrets, and Retry-After parsing. */
class PathIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "...", "a/b", "../../jwt/sign", "%2F", "a%2Fb", "a?b", "a#b", "a b", "a\r\nb",
        "a\u0000", "a\\b", "\u00e9", "a;b", "a:b"})
    void idsOutsideTheRuleAreRefused(String id) {
        WonderfulException error = assertThrows(WonderfulException.class, () -> PathIds.require("id", id));
        assertEquals(ErrorCode.VALIDATION_ERROR, error.code());
        assertFalse(PathIds.isValid(id));
    }

    @Test
    void ordinaryIdsPass() {
        for (String id : List.of("3f2c1b9e-7d0a-4c55-9e1f-0a1b2c3d4e5f", "agent-support", "ws_acme", "a.b", ".hidden", "x~1")) {
            assertEquals(id, PathIds.require("id", id));
        }
        assertFalse(PathIds.isValid("x".repeat(WireContract.PATH_ID_MAX_LENGTH + 1)));
        assertFalse(PathIds.isValid(null));
    }

    @Test
    void aSegmentNeverReadsAsASeparatorOrADotSegment() {
        assertEquals("%2E%2E", PathIds.segment(".."));
        assertEquals("%2E", PathIds.segment("."));
        assertEquals("..%2F..%2Fjwt%2Fsign", PathIds.segment("../../jwt/sign"));
        assertEquals("a%3Fb%23c%25d%20e", PathIds.segment("a?b#c%d e"));
        assertEquals("%C3%A9", PathIds.segment("\u00e9"));
        assertEquals("agent-support", PathIds.segment("agent-support"));
    }

    @Test
    void theGuardRefusesDotSegmentsAndEncodedSeparators() {
        assertTrue(PathGuard.isSafe("/api/v1/communications/3f2c1b9e"));
        for (String path : List.of("/api/v1/communications/../../jwt/sign", "/api/v1/communications/.", "/a/%2e%2E/b",
                "/a/x%2Fy", "/a/x%5cy", "/a/.%2e")) {
            assertFalse(PathGuard.isSafe(path), path);
        }
    }

    @Test
    void redactionMasksKnownSecretsAndSecretShapes() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
        String text = "invalid x-api-key header: sim-key-acme; token=abc123456 Bearer " + jwt + " at https://bob:pw@h/x, jwt "
                + jwt + " and my-configured-secret";
        String scrubbed = Redaction.scrub(text, List.of("my-configured-secret", "sim-key-acme"));
        for (String secret : List.of("sim-key-acme", "abc123456", jwt, "bob:pw", "my-configured-secret")) {
            assertFalse(scrubbed.contains(secret), secret + " in " + scrubbed);
        }
        assertTrue(scrubbed.startsWith("invalid x-api-key header: ****"), scrubbed);
        assertEquals("nothing secret here", Redaction.scrub("nothing secret here", List.of("abc")));
    }

    @Test
    void aKnownSecretCutByTheLengthBoundIsMaskedToo() {
        String secret = "configured-secret-0123456789";
        String cut = "invalid key: " + secret.substring(0, 11) + "...";
        assertEquals("invalid key: ****...", Redaction.scrub(cut, List.of(secret)));
        assertEquals("invalid key: ****", Redaction.scrub("invalid key: " + secret.substring(0, 9), List.of(secret)));
        assertEquals("ends in confi", Redaction.scrub("ends in confi", List.of(secret)), "shorter than a secret is kept");
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
        assertEquals(Optional.of(Duration.ofSeconds(120)), ErrorResponses.retryAfter("120", clock));
        assertEquals(Optional.of(Duration.ofSeconds(30)), ErrorResponses.retryAfter("Tue, 01 Dec 2026 12:00:30 GMT", clock));
        assertEquals(Optional.of(Duration.ZERO), ErrorResponses.retryAfter("Tue, 01 Dec 2026 11:00:00 GMT", clock));
        assertEquals(Optional.empty(), ErrorResponses.retryAfter("soon", clock));
        assertEquals(Optional.empty(), ErrorResponses.retryAfter("-5", clock));
        assertEquals(Optional.empty(), ErrorResponses.retryAfter(null, clock));
    }
}
