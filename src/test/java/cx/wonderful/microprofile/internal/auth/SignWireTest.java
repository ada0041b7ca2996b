package cx.wonderful.microprofile.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.auth.SignRequest;
import cx.wonderful.microprofile.auth.SignResponse;
import cx.wonderful.microprofile.internal.TestJwts;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SignWireTest {

    private static final UUID USER = UUID.fromString("11111111-2222-4333-8444-555555555555");
    private static final Instant EXP = Instant.ofEpochSecond(1_900_000_000L);

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void theBodyHasTheContractFieldNames() {
        JsonObject body = SignWire.body(USER, SignRequest.builder().tenantId("acme").metadata(Map.of("a", 1)).expiresInSeconds(90).build());
        assertEquals(json("{\"entityId\":\"" + USER + "\",\"expiresIn\":90,\"metadata\":{\"a\":1},\"tenantId\":\"acme\"}"), body);
        assertEquals(json("{\"entityId\":\"" + USER + "\",\"expiresIn\":3600}"), SignWire.body(USER, SignRequest.forNewUser()));
    }

    @Test
    void aJwtAloneGivesIdFromSubAndExpiryFromExp() {
        String jwt = TestJwts.jwt(USER.toString(), EXP);
        SignResponse response = SignWire.response(json("{\"data\":{\"jwt\":\"" + jwt + "\"}}"), UUID.randomUUID());
        assertEquals(jwt, response.jwt());
        assertEquals(USER, response.id());
        assertEquals(EXP, response.expiresAt());
        assertEquals(EXP.getEpochSecond(), response.expiresAtEpochSecond());
    }

    @Test
    void aJwtWithoutSubGivesTheRequestedId() {
        String jwt = TestJwts.jwt(null, EXP);
        assertEquals(USER, SignWire.response(json("{\"data\":{\"jwt\":\"" + jwt + "\"}}"), USER).id());
    }

    @Test
    void explicitFieldsWin() {
        String jwt = TestJwts.jwt(USER.toString(), EXP);
        UUID other = UUID.randomUUID();
        SignResponse response = SignWire.response(json("{\"data\":{\"jwt\":\"" + jwt + "\",\"expiresAt\":1800000000,\"id\":\""
                + other + "\"},\"status\":200}"), USER);
        assertEquals(Instant.ofEpochSecond(1_800_000_000L), response.expiresAt());
        assertEquals(other, response.id());
    }

    @Test
    void responsesOutsideTheContractAreUnexpected() {
        String noExp = "eyJhbGciOiJSUzI1NiJ9." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"sub\":\"x\"}".getBytes()) + ".c2ln";
        String[] bad = {"{}", "{\"data\":[]}", "{\"data\":{}}", "{\"data\":{\"jwt\":\"\"}}", "{\"data\":{\"jwt\":\"opaque\"}}",
                "{\"data\":{\"jwt\":\"" + noExp + "\"}}",
                "{\"data\":{\"jwt\":\"" + TestJwts.jwt(USER.toString(), EXP) + "\",\"id\":\"not-a-uuid\"}}"};
        for (String body : bad) {
            WonderfulException error = assertThrows(WonderfulException.class, () -> SignWire.response(json(body), USER), body);
            assertEquals(ErrorCode.UNEXPECTED_RESPONSE, error.code(), body);
        }
        assertEquals(ErrorCode.UNEXPECTED_RESPONSE, assertThrows(WonderfulException.class, () -> SignWire.response(null, USER)).code());
    }

    @Test
    void theResponseMasksItsToken() {
        String jwt = TestJwts.jwt(USER.toString(), EXP);
        SignResponse response = new SignResponse(jwt, EXP, USER);
        assertFalse(response.toString().contains(jwt.substring(0, jwt.length() - 4)), response.toString());
        assertTrue(response.toString().contains(USER.toString()));
        assertThrows(IllegalArgumentException.class, () -> new SignResponse(" ", EXP, USER));
        assertThrows(NullPointerException.class, () -> new SignResponse(jwt, null, USER));
    }

    @Test
    void jwtClaimsAreReadOnlyFromACompactJws() {
        JwtClaims claims = JwtClaims.parse(TestJwts.jwt(USER.toString(), EXP)).orElseThrow();
        assertEquals(EXP, claims.expiresAt().orElseThrow());
        assertEquals(USER.toString(), claims.subject().orElseThrow());
        // Not three parts, a space, a payload that is not JSON ("not json"), a payload that is an array ([1]).
        for (String notJwt : new String[] {null, "", "abc", "a.b", "a.b.c.d", "a b.c.d", "e30.bm90IGpzb24.c2ln", "e30.WzFd.c2ln"}) {
            assertTrue(JwtClaims.parse(notJwt).isEmpty(), String.valueOf(notJwt));
        }
    }
}
