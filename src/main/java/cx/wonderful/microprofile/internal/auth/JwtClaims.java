package cx.wonderful.microprofile.internal.auth;

import cx.wonderful.microprofile.internal.JsonValues;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The two claims the client needs from a JWT: {@code exp} (when to refresh) and {@code sub} (the entityId to
 * refresh it for). The payload is only decoded, not verified: the server verifies signatures, the client just has
 * to know when a token will stop working.
 */
public final class JwtClaims {

    private static final Pattern COMPACT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private final Optional<Instant> expiresAt;
    private final Optional<String> subject;

    private JwtClaims(Optional<Instant> expiresAt, Optional<String> subject) {
        this.expiresAt = expiresAt;
        this.subject = subject;
    }

    /** The claims of a compact JWS, or empty when {@code token} is not one (an opaque token, or garbage). */
    public static Optional<JwtClaims> parse(String token) {
        if (token == null || !COMPACT.matcher(token).matches()) {
            return Optional.empty();
        }
        String payload = token.substring(token.indexOf('.') + 1, token.lastIndexOf('.'));
        try (JsonReader reader = JsonValues.JSON.createReader(new ByteArrayInputStream(Base64.getUrlDecoder().decode(payload)))) {
            JsonValue read = reader.readValue();
            if (!(read instanceof JsonObject claims)) {
                return Optional.empty();
            }
            Optional<Instant> exp = claims.get("exp") instanceof JsonNumber number
                    ? Optional.of(Instant.ofEpochSecond(number.longValue())) : Optional.empty();
            Optional<String> sub = claims.get("sub") instanceof JsonString text && !text.getString().isBlank()
                    ? Optional.of(text.getString()) : Optional.empty();
            return Optional.of(new JwtClaims(exp, sub));
        } catch (IllegalArgumentException | JsonException e) {
            return Optional.empty();
        }
    }

    public Optional<Instant> expiresAt() {
        return expiresAt;
    }

    public Optional<String> subject() {
        return subject;
    }

    @Override
    public String toString() {
        return "JwtClaims[exp=" + expiresAt.map(Instant::toString).orElse("none") + ", sub=" + subject.orElse("none") + "]";
    }
}
