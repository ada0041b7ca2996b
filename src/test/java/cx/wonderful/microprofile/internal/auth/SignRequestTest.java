package cx.wonderful.microprofile.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.auth.SignRequest;
import cx.wonderful.microprofile.internal.JsonValues;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every rule of a sign request, on both sides of every bound. */
class SignRequestTest {

    private static void invalid(Executable setting, String mentions) {
        WonderfulException error = assertThrows(WonderfulException.class, setting);
        assertEquals(ErrorCode.VALIDATION_ERROR, error.code());
        assertFalse(error.recoverable());
        assertTrue(error.httpStatus().isEmpty(), "nothing was sent");
        assertTrue(error.getMessage().contains(mentions), error.getMessage());
    }

    @Test
    void defaults() {
        SignRequest request = SignRequest.forNewUser();
        assertTrue(request.id().isEmpty());
        assertTrue(request.tenantId().isEmpty());
        assertTrue(request.metadata().isEmpty());
        assertTrue(request.expiresInSeconds().isEmpty());
        assertEquals(Duration.ofSeconds(3600), request.expiresIn());
    }

    @Test
    void idIsAUuidOrAbsent() {
        UUID id = UUID.randomUUID();
        assertEquals(id, SignRequest.forUser(id).id().orElseThrow());
        assertEquals(id, SignRequest.builder().id(id.toString()).build().id().orElseThrow());
        assertEquals(id, SignRequest.builder().id(id.toString().toUpperCase()).build().id().orElseThrow());
        assertEquals("00000000-0000-0000-0000-000000000000",
                SignRequest.builder().id("00000000-0000-0000-0000-000000000000").build().id().orElseThrow().toString());
        assertTrue(SignRequest.builder().id((String) null).build().id().isEmpty());
        assertTrue(SignRequest.builder().id((UUID) null).build().id().isEmpty());
        for (String bad : List.of("", " ", "user-1", "1-1-1-1-1", id + "0", id.toString().substring(1),
                id.toString().replace('-', '_'), "g" + id.toString().substring(1), " " + id, "{" + id + "}")) {
            invalid(() -> SignRequest.builder().id(bad), "id must be a UUID");
        }
    }

    @Test
    void expiresInIsFrom60To86400Seconds() {
        invalid(() -> SignRequest.builder().expiresInSeconds(59), "expiresIn");
        assertEquals(60, SignRequest.builder().expiresInSeconds(60).build().expiresInSeconds().getAsLong());
        assertEquals(86_400, SignRequest.builder().expiresInSeconds(86_400).build().expiresInSeconds().getAsLong());
        invalid(() -> SignRequest.builder().expiresInSeconds(86_401), "expiresIn");
        invalid(() -> SignRequest.builder().expiresInSeconds(0), "expiresIn");
        invalid(() -> SignRequest.builder().expiresInSeconds(-3600), "expiresIn");
        invalid(() -> SignRequest.builder().expiresInSeconds(Long.MAX_VALUE), "expiresIn");
    }

    @Test
    void expiresInAsADurationIsWholeSecondsWithinTheSameBounds() {
        assertEquals(Duration.ofMinutes(1), SignRequest.builder().expiresIn(Duration.ofSeconds(60)).build().expiresIn());
        assertEquals(Duration.ofDays(1), SignRequest.builder().expiresIn(Duration.ofDays(1)).build().expiresIn());
        invalid(() -> SignRequest.builder().expiresIn(Duration.ofSeconds(59)), "expiresIn");
        invalid(() -> SignRequest.builder().expiresIn(Duration.ofDays(1).plusSeconds(1)), "expiresIn");
        invalid(() -> SignRequest.builder().expiresIn(Duration.ofMillis(60_500)), "whole number of seconds");
        invalid(() -> SignRequest.builder().expiresIn(Duration.ofSeconds(3600).plusNanos(1)), "whole number of seconds");
        assertTrue(SignRequest.builder().expiresInSeconds(120).expiresIn(null).build().expiresInSeconds().isEmpty());
    }

    /** A JSON object whose compact form is exactly {@code bytes} bytes: {"k":"xxx..."}. */
    private static JsonObject ofSize(int bytes, char filler) {
        int overhead = "{\"k\":\"\"}".length();
        int fillerBytes = String.valueOf(filler).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        char[] value = new char[(bytes - overhead) / fillerBytes];
        Arrays.fill(value, filler);
        JsonObject object = Json.createObjectBuilder().add("k", new String(value)).build();
        assertEquals(bytes, JsonValues.serializedBytes(object));
        return object;
    }

    @Test
    void metadataIsAtMost4096BytesSerialized() {
        assertEquals(4096, JsonValues.serializedBytes(SignRequest.builder().metadata(ofSize(4096, 'x')).build().metadata().orElseThrow()));
        invalid(() -> SignRequest.builder().metadata(ofSize(4097, 'x')), "4096 bytes");
        assertTrue(SignRequest.builder().metadata(Json.createObjectBuilder().build()).build().metadata().isPresent());
        // Bytes, not characters: 2046 two-byte characters plus 8 bytes of syntax is 4100 bytes.
        invalid(() -> SignRequest.builder().metadata(Map.of("k", "é".repeat(2046))), "4096 bytes");
        assertTrue(SignRequest.builder().metadata((Map<String, ?>) null).build().metadata().isEmpty());
        assertTrue(SignRequest.builder().metadata((JsonObject) null).build().metadata().isEmpty());
    }

    @Test
    void metadataMapsBecomeJsonObjects() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("name", "Ada");
        nested.put("age", 36);
        nested.put("score", 9.5);
        nested.put("big", new BigDecimal("1.25"));
        nested.put("vip", true);
        nested.put("none", null);
        nested.put("tags", List.of("a", "b"));
        nested.put("array", new Object[] {1L, "two"});
        nested.put("address", Map.of("city", "Paris"));
        nested.put("json", Json.createValue("raw"));

        JsonObject metadata = SignRequest.builder().metadata(nested).build().metadata().orElseThrow();

        assertEquals("Ada", metadata.getString("name"));
        assertEquals(36, metadata.getInt("age"));
        assertEquals(9.5, metadata.getJsonNumber("score").doubleValue());
        assertEquals(new BigDecimal("1.25"), metadata.getJsonNumber("big").bigDecimalValue());
        assertTrue(metadata.getBoolean("vip"));
        assertTrue(metadata.isNull("none"));
        assertEquals(2, metadata.getJsonArray("tags").size());
        assertEquals("two", metadata.getJsonArray("array").getString(1));
        assertEquals("Paris", metadata.getJsonObject("address").getString("city"));
        assertEquals("raw", metadata.getString("json"));
    }

    @Test
    void metadataThatIsNotJsonIsRefused() {
        invalid(() -> SignRequest.builder().metadata(Map.of("when", java.time.Instant.EPOCH)), "metadata.when");
        invalid(() -> SignRequest.builder().metadata(Map.of("nan", Double.NaN)), "metadata.nan");
        invalid(() -> SignRequest.builder().metadata(Map.of("inf", Float.POSITIVE_INFINITY)), "metadata.inf");
        invalid(() -> SignRequest.builder().metadata(Map.of("list", List.of(new Object()))), "metadata.list[0]");
        Map<Object, Object> badKey = new HashMap<>();
        badKey.put(1, "one");
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, ?> raw = (Map) Map.of("inner", badKey);
        invalid(() -> SignRequest.builder().metadata(raw), "not a String");
    }

    @Test
    void tenantIdIsOptionalButNotBlankNorTooLong() {
        assertEquals("acme", SignRequest.builder().tenantId("acme").build().tenantId().orElseThrow());
        assertTrue(SignRequest.builder().tenantId(null).build().tenantId().isEmpty());
        assertEquals(255, SignRequest.builder().tenantId("t".repeat(255)).build().tenantId().orElseThrow().length());
        invalid(() -> SignRequest.builder().tenantId("t".repeat(256)), "at most 255");
        invalid(() -> SignRequest.builder().tenantId(""), "blank");
        invalid(() -> SignRequest.builder().tenantId("  "), "blank");
        invalid(() -> SignRequest.builder().tenantId("ac me"), "whitespace");
        invalid(() -> SignRequest.builder().tenantId("acme\u0000"), "control");
    }

    @Test
    void toStringAndEquality() {
        UUID id = UUID.randomUUID();
        SignRequest a = SignRequest.builder().id(id).tenantId("acme").metadata(Map.of("k", "v")).expiresInSeconds(120).build();
        SignRequest b = SignRequest.builder().id(id.toString()).tenantId("acme").metadata(Map.of("k", "v")).expiresInSeconds(120).build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertTrue(a.toString().contains(id.toString()) && a.toString().contains("120s"), a.toString());
    }
}
