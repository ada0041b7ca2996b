package cx.wonderful.microprofile.auth;

import cx.wonderful.microprofile.internal.Credential;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A signed JWT for an end user (the TypeScript SDK's {@code auth.sign} response): the token, when it expires, and
 * the end user's id (the JWT's {@code sub}). {@link #toString()} masks the token.
 */
public final class SignResponse {

    private final String jwt;
    private final Instant expiresAt;
    private final UUID id;

    /**
     * A signed token as the sign endpoint returned it.
     *
     * @param jwt the signed JWT
     * @param expiresAt when the token expires (its {@code exp})
     * @param id the end user's id, the JWT's {@code sub}
     * @throws NullPointerException when any argument is {@code null}
     * @throws IllegalArgumentException when {@code jwt} is blank
     */
    public SignResponse(String jwt, Instant expiresAt, UUID id) {
        this.jwt = Objects.requireNonNull(jwt, "jwt");
        if (jwt.isBlank()) {
            throw new IllegalArgumentException("jwt must not be blank");
        }
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.id = Objects.requireNonNull(id, "id");
    }

    /**
     * The signed JWT: hand it to the end user's client; never log it.
     *
     * @return the token, not blank
     */
    public String jwt() {
        return jwt;
    }

    /**
     * When the token expires.
     *
     * @return the token's expiry, never {@code null}
     */
    public Instant expiresAt() {
        return expiresAt;
    }

    /**
     * {@link #expiresAt()} in unix seconds, as the TypeScript SDK returns it.
     *
     * @return the expiry in seconds since 1970-01-01T00:00:00Z
     */
    public long expiresAtEpochSecond() {
        return expiresAt.getEpochSecond();
    }

    /**
     * The end user's id, the JWT's {@code sub}.
     *
     * @return the id, never {@code null}; the generated one when the request named none
     */
    public UUID id() {
        return id;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignResponse that && jwt.equals(that.jwt) && expiresAt.equals(that.expiresAt) && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jwt, expiresAt, id);
    }

    @Override
    public String toString() {
        return "SignResponse[jwt=" + Credential.mask(jwt) + ", expiresAt=" + expiresAt + ", id=" + id + "]";
    }
}
