package cx.wonderful.simulator.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cx.wonderful.simulator.ApiError;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignRequestTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void defaultsAreAGeneratedUuidAndOneHour() {
        SignRequest request = SignRequest.parse(json("{}"));
        assertEquals(request.entityId(), UUID.fromString(request.entityId()).toString());
        assertEquals(3600, request.expiresIn());
        assertEquals(0, request.metadata().size());
        assertEquals(null, request.tenantId());
    }

    @Test
    void keepsValidValues() {
        SignRequest request = SignRequest.parse(json("{\"entityId\":\"3f2504e0-4f89-41d3-9a0c-0305e82c3301\","
                + "\"expiresIn\":86400,\"metadata\":{\"name\":\"Ann\"},\"tenantId\":\"acme\"}"));
        assertEquals("3f2504e0-4f89-41d3-9a0c-0305e82c3301", request.entityId());
        assertEquals(86400, request.expiresIn());
        assertEquals("Ann", request.metadata().getString("name"));
        assertEquals("acme", request.tenantId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"entityId\":\"user-1\"}", "{\"entityId\":42}", "{\"expiresIn\":59}",
            "{\"expiresIn\":86401}", "{\"expiresIn\":60.5}", "{\"expiresIn\":\"600\"}", "{\"metadata\":[1]}",
            "{\"metadata\":\"x\"}"})
    void rejectsWhatTheSdkRejects(String body) {
        ApiError error = assertThrows(ApiError.class, () -> SignRequest.parse(json(body)));
        assertEquals(400, error.status());
        assertEquals("VALIDATION_ERROR", error.code());
    }

    @Test
    void metadataIsLimitedToFourKilobytesSerialized() {
        String fits = "{\"metadata\":{\"k\":\"" + "x".repeat(4096 - "{\"k\":\"\"}".length()) + "\"}}";
        assertEquals(4096, SignRequest.parse(json(fits)).metadata().toString().length());
        String tooBig = "{\"metadata\":{\"k\":\"" + "x".repeat(4097 - "{\"k\":\"\"}".length()) + "\"}}";
        assertEquals("VALIDATION_ERROR", assertThrows(ApiError.class, () -> SignRequest.parse(json(tooBig))).code());
    }
}
