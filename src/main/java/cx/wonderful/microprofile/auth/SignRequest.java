package cx.wonderful.microprofile.auth;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.internal.JsonValues;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What to sign a JWT for (the TypeScript SDK's {@code auth.sign} request). Immutable; every value is checked when
 * it is set on the {@link Builder}, so a request that exists is valid, and a bad one fails before any network call
 * with {@code VALIDATION_ERROR}:
 * <ul>
 * <li>{@code id}: the end user's id, a UUID ({@code 8-4-4-4-12} hex digits); absent means a random UUID is generated
 * when signing;</li>
 * <li>{@code expiresIn}: the token's lifetime, whole seconds from {@value #MIN_EXPIRES_IN} to
 * {@value #MAX_EXPIRES_IN} inclusive; absent means {@value #DEFAULT_EXPIRES_IN};</li>
 * <li>{@code metadata}: a JSON object of at most {@value #MAX_METADATA_BYTES} bytes serialized compactly in UTF-8;</li>
 * <li>{@code tenantId}: optional; when present not blank, at most {@value #MAX_TENANT_ID_LENGTH} characters, without
 * whitespace or control characters.</li>
 * </ul>
 */
public final class SignRequest {

    public static final long MIN_EXPIRES_IN = 60;
    public static final long MAX_EXPIRES_IN = 86_400;
    public static final long DEFAULT_EXPIRES_IN = 3_600;
    public static final int MAX_METADATA_BYTES = 4_096;
    public static final int MAX_TENANT_ID_LENGTH = 255;

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Optional<UUID> id;
    private final Optional<String> tenantId;
    private final Optional<JsonObject> metadata;
    private final OptionalLong expiresIn;

    private SignRequest(Builder builder) {
        this.id = Optional.ofNullable(builder.id);
        this.tenantId = Optional.ofNullable(builder.tenantId);
        this.metadata = Optional.ofNullable(builder.metadata);
        this.expiresIn = builder.expiresIn == null ? OptionalLong.empty() : OptionalLong.of(builder.expiresIn);
    }

    /** A request for a new end user: a generated id, the default lifetime, no metadata. */
    public static SignRequest forNewUser() {
        return builder().build();
    }

    /** A request for the end user {@code id}, with the default lifetime and no metadata. */
    public static SignRequest forUser(UUID id) {
        return builder().id(id).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The end user's id; empty means one is generated when signing. */
    public Optional<UUID> id() {
        return id;
    }

    public Optional<String> tenantId() {
        return tenantId;
    }

    public Optional<JsonObject> metadata() {
        return metadata;
    }

    /** The lifetime in seconds as set; empty means the default, {@value #DEFAULT_EXPIRES_IN}. */
    public OptionalLong expiresInSeconds() {
        return expiresIn;
    }

    /** The lifetime that will be requested. */
    public Duration expiresIn() {
        return Duration.ofSeconds(expiresIn.orElse(DEFAULT_EXPIRES_IN));
    }

    @Override
    public String toString() {
        return "SignRequest[id=" + id.map(UUID::toString).orElse("generated") + ", tenantId=" + tenantId.orElse("none")
                + ", expiresIn=" + expiresIn().toSeconds() + "s, metadata="
                + metadata.map(m -> m.size() + " keys").orElse("none") + "]";
    }

    /** Builds a {@link SignRequest}; each setter checks its value at once (VALIDATION_ERROR). */
    public static final class Builder {

        private UUID id;
        private String tenantId;
        private JsonObject metadata;
        private Long expiresIn;

        private Builder() {
        }

        /** The end user's id; {@code null} means generate one. */
        public Builder id(UUID id) {
            this.id = id;
            return this;
        }

        /** The end user's id in its text form; {@code null} means generate one. */
        public Builder id(String id) {
            if (id == null) {
                this.id = null;
                return this;
            }
            if (!UUID_TEXT.matcher(id).matches()) {
                throw invalid("id must be a UUID (8-4-4-4-12 hex digits), was \"" + shorten(id) + "\"");
            }
            this.id = UUID.fromString(id);
            return this;
        }

        /** The tenant to sign for; {@code null} means none. */
        public Builder tenantId(String tenantId) {
            if (tenantId != null) {
                if (tenantId.isBlank()) {
                    throw invalid("tenantId must not be blank");
                }
                if (tenantId.length() > MAX_TENANT_ID_LENGTH) {
                    throw invalid("tenantId must be at most " + MAX_TENANT_ID_LENGTH + " characters, was " + tenantId.length());
                }
                if (tenantId.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
                    throw invalid("tenantId must not contain whitespace or control characters");
                }
            }
            this.tenantId = tenantId;
            return this;
        }

        /** Metadata as a JSON object; {@code null} means none. */
        public Builder metadata(JsonObject metadata) {
            if (metadata != null) {
                int size = JsonValues.serializedBytes(metadata);
                if (size > MAX_METADATA_BYTES) {
                    throw invalid("metadata must be at most " + MAX_METADATA_BYTES + " bytes serialized, was " + size);
                }
            }
            this.metadata = metadata;
            return this;
        }

        /**
         * Metadata as a map of JSON-like values: null, String, Boolean, finite Number, JsonValue, Map with String keys,
         * Iterable or array of these; {@code null} means none.
         */
        public Builder metadata(Map<String, ?> metadata) {
            return metadata(metadata == null ? null : JsonValues.toJsonObject(metadata, "metadata"));
        }

        /** The lifetime in seconds, {@value #MIN_EXPIRES_IN} to {@value #MAX_EXPIRES_IN}. */
        public Builder expiresInSeconds(long seconds) {
            if (seconds < MIN_EXPIRES_IN || seconds > MAX_EXPIRES_IN) {
                throw invalid("expiresIn must be from " + MIN_EXPIRES_IN + " to " + MAX_EXPIRES_IN + " seconds, was " + seconds);
            }
            this.expiresIn = seconds;
            return this;
        }

        /** The lifetime, whole seconds from {@value #MIN_EXPIRES_IN} to {@value #MAX_EXPIRES_IN}; {@code null} means the default. */
        public Builder expiresIn(Duration lifetime) {
            if (lifetime == null) {
                this.expiresIn = null;
                return this;
            }
            if (lifetime.getNano() != 0) {
                throw invalid("expiresIn must be a whole number of seconds, was " + lifetime);
            }
            return expiresInSeconds(lifetime.getSeconds());
        }

        public SignRequest build() {
            return new SignRequest(this);
        }

        private static String shorten(String text) {
            String line = text.replaceAll("\\p{Cntrl}", "?");
            return line.length() > 64 ? line.substring(0, 64) + "..." : line;
        }

        private static WonderfulException invalid(String message) {
            return new WonderfulException(ErrorCode.VALIDATION_ERROR, message);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignRequest that && id.equals(that.id) && tenantId.equals(that.tenantId)
                && metadata.equals(that.metadata) && expiresIn.equals(that.expiresIn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, tenantId, metadata, expiresIn);
    }
}
