package cx.wonderful.microprofile.internal.auth;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.auth.SignRequest;
import cx.wonderful.microprofile.auth.SignResponse;
import cx.wonderful.microprofile.internal.JsonValues;
import cx.wonderful.microprofile.internal.WireContract;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The wire form of a sign call: request body and response envelope (field names in {@link WireContract}). */
final class SignWire {

    private SignWire() {
    }

    /** {@code {"entityId", "expiresIn", "metadata"?, "tenantId"?}}. */
    static JsonObject body(UUID entityId, SignRequest request) {
        JsonObjectBuilder body = JsonValues.JSON.createObjectBuilder()
                .add(WireContract.SIGN_ENTITY_ID, entityId.toString())
                .add(WireContract.SIGN_EXPIRES_IN, request.expiresIn().toSeconds());
        request.metadata().ifPresent(metadata -> body.add(WireContract.SIGN_METADATA, metadata));
        request.tenantId().ifPresent(tenant -> body.add(WireContract.SIGN_TENANT_ID, tenant));
        return body.build();
    }

    /**
     * Reads {@code {"data": {"jwt", "expiresAt"?, "id"?}}}; a missing {@code expiresAt} or {@code id} is taken from
     * the JWT's {@code exp} and {@code sub}, and a missing {@code sub} from the id that was requested.
     *
     * @throws WonderfulException {@code UNEXPECTED_RESPONSE} when there is no JWT, or no way to know its expiry
     */
    static SignResponse response(JsonObject envelope, UUID requestedId) {
        JsonValue data = envelope == null ? null : envelope.get(WireContract.ENVELOPE_DATA);
        if (!(data instanceof JsonObject fields)) {
            throw unexpected("the sign response has no \"" + WireContract.ENVELOPE_DATA + "\" object");
        }
        String jwt = text(fields, WireContract.SIGN_JWT)
                .orElseThrow(() -> unexpected("the sign response has no \"" + WireContract.SIGN_JWT + "\""));
        JwtClaims claims = JwtClaims.parse(jwt).orElseThrow(() -> unexpected("the signed token is not a JWT"));
        Instant expiresAt = (fields.get(WireContract.SIGN_EXPIRES_AT) instanceof JsonNumber seconds
                ? Optional.of(Instant.ofEpochSecond(seconds.longValue())) : claims.expiresAt())
                .orElseThrow(() -> unexpected("the sign response tells no expiry (no expiresAt, no exp claim)"));
        String id = text(fields, WireContract.SIGN_ID).or(claims::subject).orElse(requestedId.toString());
        try {
            return new SignResponse(jwt, expiresAt, UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw unexpected("the sign response's id is not a UUID: " + id);
        }
    }

    private static Optional<String> text(JsonObject object, String name) {
        return object.get(name) instanceof JsonString value && !value.getString().isBlank()
                ? Optional.of(value.getString()) : Optional.empty();
    }

    private static WonderfulException unexpected(String message) {
        return new WonderfulException(ErrorCode.UNEXPECTED_RESPONSE, message);
    }
}
