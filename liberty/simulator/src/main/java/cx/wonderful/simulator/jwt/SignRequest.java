package cx.wonderful.simulator.jwt;

import cx.wonderful.simulator.ApiError;
import cx.wonderful.simulator.Jsons;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A validated body of {@code POST /api/v1/jwt/sign}, checked as the SDK documents: {@code entityId} a UUID (else
 * generated), {@code expiresIn} an integer in 60..86400 (default 3600), {@code metadata} a JSON object of at most
 * 4 KB serialized, {@code tenantId} a string (default: the API key's tenant).
 */
public record SignRequest(String entityId, long expiresIn, JsonObject metadata, String tenantId) {

    public static final long MIN_EXPIRES_IN = 60;
    public static final long MAX_EXPIRES_IN = 86_400;
    public static final long DEFAULT_EXPIRES_IN = 3_600;
    public static final int MAX_METADATA_BYTES = 4_096;

    /** Validates a parsed body; every violation is a 400 {@code VALIDATION_ERROR}. */
    public static SignRequest parse(JsonObject body) {
        String entityId = Jsons.optionalString(body, "entityId");
        if (entityId == null) {
            entityId = UUID.randomUUID().toString();
        } else if (!isUuid(entityId)) {
            throw ApiError.validation("entityId must be a UUID");
        }
        long expiresIn = expiresIn(body.get("expiresIn"));
        JsonObject metadata = Jsons.optionalObject(body, "metadata");
        if (metadata != null && metadata.toString().getBytes(StandardCharsets.UTF_8).length > MAX_METADATA_BYTES) {
            throw ApiError.validation("metadata must be at most 4 KB serialized");
        }
        String tenantId = Jsons.optionalString(body, "tenantId");
        return new SignRequest(entityId, expiresIn, metadata == null ? JsonValue.EMPTY_JSON_OBJECT : metadata,
                tenantId);
    }

    private static long expiresIn(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return DEFAULT_EXPIRES_IN;
        }
        if (value.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) value).isIntegral()) {
            throw ApiError.validation("expiresIn must be an integer number of seconds");
        }
        JsonNumber number = (JsonNumber) value;
        if (number.bigDecimalValue().compareTo(BigDecimal.valueOf(MIN_EXPIRES_IN)) < 0
                || number.bigDecimalValue().compareTo(BigDecimal.valueOf(MAX_EXPIRES_IN)) > 0) {
            throw ApiError.validation("expiresIn must be between 60 and 86400 seconds");
        }
        return number.longValue();
    }

    private static boolean isUuid(String value) {
        if (value.length() != 36) {
            return false;
        }
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
