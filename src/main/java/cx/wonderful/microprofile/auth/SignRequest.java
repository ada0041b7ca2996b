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

    /** The shortest lifetime accepted, in seconds: one minute. */
    public static final long MIN_EXPIRES_IN = 60;
    /** The longest lifetime accepted, in seconds: 24 hours. */
    public static final long MAX_EXPIRES_IN = 86_400;
    /** The lifetime requested when none is set, in seconds: one hour. */
    public static final long DEFAULT_EXPIRES_IN = 3_600;
    /** The largest metadata accepted, in bytes of its compact JSON form in UTF-8. */
    public static final int MAX_METADATA_BYTES = 4_096;
    /** The longest tenant id accepted, in characters. */
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

    /**
     * A request for a new end user: a generated id, the default lifetime ({@value #DEFAULT_EXPIRES_IN} seconds), no
     * tenant, no metadata.
     *
     * @return the request; {@code builder().build()}
     */
    public static SignRequest forNewUser() {
        return builder().build();
    }

    /**
     * A request for the end user {@code id}, with the default lifetime ({@value #DEFAULT_EXPIRES_IN} seconds), no
     * tenant and no metadata.
     *
     * @param id the end user's id; {@code null} means a generated one, as {@link #forNewUser()}
     * @return the request; {@code builder().id(id).build()}
     */
    public static SignRequest forUser(UUID id) {
        return builder().id(id).build();
    }

    /**
     * A builder with nothing set: a generated id, the default lifetime ({@value #DEFAULT_EXPIRES_IN} seconds), no
     * tenant, no metadata.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The end user's id.
     *
     * @return the id as set; empty means a random one is generated when signing
     */
    public Optional<UUID> id() {
        return id;
    }

    /**
     * The tenant to sign for.
     *
     * @return the tenant id as set; empty means none is sent
     */
    public Optional<String> tenantId() {
        return tenantId;
    }

    /**
     * The metadata the token carries.
     *
     * @return the metadata as set (an immutable JSON object); empty means none is sent
     */
    public Optional<JsonObject> metadata() {
        return metadata;
    }

    /**
     * The lifetime in seconds as set.
     *
     * @return the lifetime, {@value #MIN_EXPIRES_IN} to {@value #MAX_EXPIRES_IN}; empty means the default,
     *         {@value #DEFAULT_EXPIRES_IN}
     */
    public OptionalLong expiresInSeconds() {
        return expiresIn;
    }

    /**
     * The lifetime that will be requested.
     *
     * @return the lifetime as set, else the default of {@value #DEFAULT_EXPIRES_IN} seconds
     */
    public Duration expiresIn() {
        return Duration.ofSeconds(expiresIn.orElse(DEFAULT_EXPIRES_IN));
    }

    @Override
    public String toString() {
        return "SignRequest[id=" + id.map(UUID::toString).orElse("generated") + ", tenantId=" + tenantId.orElse("none")
                + ", expiresIn=" + expiresIn().toSeconds() + "s, metadata="
                + metadata.map(m -> m.size() + " keys").orElse("none") + "]";
    }

    /**
     * Builds a {@link SignRequest}; each setter replaces what was set before and checks its value at once
     * ({@code VALIDATION_ERROR}; a refused value leaves the builder as it was). Not thread-safe.
     */
    public static final class Builder {

        private UUID id;
        private String tenantId;
        private JsonObject metadata;
        private Long expiresIn;

        private Builder() {
        }

        /**
         * The end user's id.
         *
         * @param id the id; {@code null} (the default) means a random one is generated when signing
         * @return this builder
         */
        public Builder id(UUID id) {
            this.id = id;
            return this;
        }

        /**
         * The end user's id in its text form.
         *
         * @param id the id as a UUID's text, 8-4-4-4-12 hex digits in either case; {@code null} (the default) means a
         *        random one is generated when signing
         * @return this builder
         * @throws WonderfulException {@code VALIDATION_ERROR} when {@code id} is not {@code null} and not a UUID of
         *         that form
         */
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

        /**
         * The tenant to sign for.
         *
         * @param tenantId the tenant id, as given (not trimmed); {@code null} (the default) means none
         * @return this builder
         * @throws WonderfulException {@code VALIDATION_ERROR} when {@code tenantId} is blank, longer than
         *         {@value SignRequest#MAX_TENANT_ID_LENGTH} characters, or holds whitespace or a control character
         */
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

        /**
         * Metadata as a JSON object, replacing any set before.
         *
         * @param metadata the metadata; {@code null} (the default) means none
         * @return this builder
         * @throws WonderfulException {@code VALIDATION_ERROR} when its compact JSON form is larger than
         *         {@value SignRequest#MAX_METADATA_BYTES} bytes in UTF-8
         */
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
         * Metadata as a map of JSON-like values, replacing any set before; the map is copied.
         *
         * @param metadata the metadata, whose values are each null, a String, Boolean, finite Number (Integer, Long,
         *        Short, Byte, BigInteger, BigDecimal, Double or Float), JsonValue, Map with String keys, Iterable or
         *        array of these, nested at most 16 deep; {@code null} (the default) means none
         * @return this builder
         * @throws WonderfulException {@code VALIDATION_ERROR} naming the first value that is not of those kinds, or
         *         when the compact JSON form is larger than {@value SignRequest#MAX_METADATA_BYTES} bytes in UTF-8
         */
        public Builder metadata(Map<String, ?> metadata) {
            return metadata(metadata == null ? null : JsonValues.toJsonObject(metadata, "metadata"));
        }

        /**
         * The token's lifetime in seconds.
         *
         * @param seconds the lifetime, {@value SignRequest#MIN_EXPIRES_IN} to {@value SignRequest#MAX_EXPIRES_IN}
         *        inclusive; unless set, {@value SignRequest#DEFAULT_EXPIRES_IN}
         * @return this builder
         * @throws WonderfulException {@code VALIDATION_ERROR} when {@code seconds} is outside that range
         */
        public Builder expiresInSeconds(long seconds) {
            if (seconds < MIN_EXPIRES_IN || seconds > MAX_EXPIRES_IN) {
                throw invalid("expiresIn must be from " + MIN_EXPIRES_IN + " to " + MAX_EXPIRES_IN + " seconds, was " + seconds);
            }
            this.expiresIn = seconds;
            return this;
        }

        /**
         * The token's lifetime.
         *
         * @param lifetime the lifetime, whole seconds from {@value SignRequest#MIN_EXPIRES_IN} to
         *        {@value SignRequest#MAX_EXPIRES_IN} inclusive; {@code null} means the default,
         *        {@value SignRequest#DEFAULT_EXPIRES_IN} seconds
         * @return this builder
         * @throws WonderfulException {@code VALIDATION_ERROR} when {@code lifetime} has a fraction of a second or is
         *         outside that range
         */
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

        /**
         * The request with the values set so far; never fails, every value having been checked when it was set.
         *
         * @return a new, immutable request
         */
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
