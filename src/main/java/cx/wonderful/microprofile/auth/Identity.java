package cx.wonderful.microprofile.auth;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.internal.auth.JwtClaims;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Whom a call is made as: the value an application passes to {@code chat.as(identity)},
 * {@code communications.as(identity)} and {@link WonderfulAuth#tokenFor}. Immutable; every factory checks its input
 * at once ({@code VALIDATION_ERROR}, before any network call).
 * <ul>
 * <li>{@link #application()}: the application itself, with the configured credential (the API key, or
 * {@code wonderful.signed-token} / {@code wonderful.token}); what the methods without {@code as} use;</li>
 * <li>{@link #endUser(UUID)}: one end user. Every REST call and WebSocket handshake made for them carries their own
 * JWT ({@code Authorization: Bearer}, {@code Sec-WebSocket-Protocol: jwt, <jwt>}), never the API key. The library
 * obtains it from the application's {@link TokenRefresher} (given the entityId) or, without one, signs it with the
 * API key for {@code wonderful.end-user.token-lifetime}; it keeps it per user and refreshes it before its
 * {@code exp} and after a 401;</li>
 * <li>{@link #endUser(UUID, String)}: one end user with a JWT the application already holds for them (issued by its
 * backend to a mobile app, say); refreshed like the above when it runs out or is refused;</li>
 * <li>{@link #inboundToken()}: the bearer token of the JAX-RS request being served (the {@code token} credential
 * of Cognito/SSO flows), read when the view is made ({@code chat.as(Identity.inboundToken())} on the request's
 * thread). Never refreshed: a 401 is {@code UNAUTHORIZED}. No inbound token is {@code NOT_AUTHENTICATED}, never a
 * fall-back to the API key.</li>
 * </ul>
 * {@link #toString()} never shows a token.
 */
public final class Identity {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Identity APPLICATION = new Identity(Kind.APPLICATION, null, null);
    private static final Identity INBOUND_TOKEN = new Identity(Kind.INBOUND_TOKEN, null, null);

    /** What an identity stands for. */
    public enum Kind {
        /** The application itself, with its configured credential ({@link #application()}). */
        APPLICATION,
        /** One end user, with their own JWT ({@link #endUser(UUID)}). */
        END_USER,
        /** Whoever the inbound request's bearer token stands for ({@link #inboundToken()}). */
        INBOUND_TOKEN
    }

    private final Kind kind;
    private final UUID entityId;
    private final String heldJwt;

    private Identity(Kind kind, UUID entityId, String heldJwt) {
        this.kind = kind;
        this.entityId = entityId;
        this.heldJwt = heldJwt;
    }

    /**
     * The application, with its configured credential.
     *
     * @return the application's identity, always the same instance
     */
    public static Identity application() {
        return APPLICATION;
    }

    /**
     * The end user {@code entityId} (the {@code sub} of their JWTs), whose tokens the library obtains itself.
     *
     * @param entityId the end user's id
     * @return the end user's identity; equal to every other identity made by this method for the same id
     * @throws WonderfulException {@code VALIDATION_ERROR} when {@code entityId} is {@code null}
     */
    public static Identity endUser(UUID entityId) {
        if (entityId == null) {
            throw invalid("the end user's entityId must not be null");
        }
        return new Identity(Kind.END_USER, entityId, null);
    }

    /**
     * The end user whose entityId is {@code entityId} in its text form: the same identity as
     * {@link #endUser(UUID)} of that UUID.
     *
     * @param entityId the end user's id as a UUID's text, 8-4-4-4-12 hex digits in either case, nothing around it
     * @return the end user's identity
     * @throws WonderfulException {@code VALIDATION_ERROR} when {@code entityId} is {@code null} or not a UUID of that
     *         form
     */
    public static Identity endUser(String entityId) {
        if (entityId == null || !UUID_TEXT.matcher(entityId).matches()) {
            throw invalid("the end user's entityId must be a UUID (8-4-4-4-12 hex digits)"
                    + (entityId == null ? ", was null" : ", was " + entityId.length() + " characters of something else"));
        }
        return new Identity(Kind.END_USER, UUID.fromString(entityId), null);
    }

    /**
     * The end user {@code entityId}, starting with {@code jwt}, a token the application already holds for them.
     * The token is checked now, against the system clock; its signature is the server's to check.
     *
     * @param entityId the end user's id
     * @param jwt the end user's current JWT, whose {@code sub} is {@code entityId} (compared ignoring case)
     * @return the end user's identity with that token; equal only to an identity made with the same id and token
     * @throws WonderfulException {@code VALIDATION_ERROR} when {@code entityId} is {@code null}, {@code jwt} is
     *         {@code null}, blank or not a JWT, has no {@code exp} or has expired ({@code exp} not after now), or its
     *         {@code sub} is not {@code entityId}
     */
    public static Identity endUser(UUID entityId, String jwt) {
        return endUser(entityId, jwt, Clock.systemUTC());
    }

    static Identity endUser(UUID entityId, String jwt, Clock clock) {
        endUser(entityId);
        if (jwt == null || jwt.isBlank()) {
            throw invalid("the end user's JWT must not be null or blank");
        }
        JwtClaims claims = JwtClaims.parse(jwt).orElseThrow(() -> invalid("the end user's token is not a JWT"));
        Instant exp = claims.expiresAt().orElseThrow(() -> invalid("the end user's JWT has no exp claim"));
        if (!clock.instant().isBefore(exp)) {
            throw invalid("the end user's JWT has expired (exp " + exp + ")");
        }
        if (!claims.subject().map(entityId.toString()::equalsIgnoreCase).orElse(false)) {
            throw invalid("the JWT is not the end user's: its sub is not " + entityId);
        }
        return new Identity(Kind.END_USER, entityId, jwt);
    }

    /**
     * The bearer token of the JAX-RS request being served, read when a view is made with it.
     *
     * @return the inbound token's identity, always the same instance
     */
    public static Identity inboundToken() {
        return INBOUND_TOKEN;
    }

    /**
     * The end user's id.
     *
     * @return the id of an end user's identity; empty for {@link #application()} and {@link #inboundToken()}
     */
    public Optional<UUID> entityId() {
        return Optional.ofNullable(entityId);
    }

    /**
     * What this identity stands for.
     *
     * @return the kind, never null
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The JWT the application gave with {@link #endUser(UUID, String)}, the first one calls for this end user use.
     *
     * @return the JWT; empty for every other identity
     */
    public Optional<String> heldJwt() {
        return Optional.ofNullable(heldJwt);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Identity that && kind == that.kind && Objects.equals(entityId, that.entityId)
                && Objects.equals(heldJwt, that.heldJwt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, entityId, heldJwt);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case APPLICATION -> "Identity[application]";
            case INBOUND_TOKEN -> "Identity[inbound token]";
            case END_USER -> "Identity[end user " + entityId + (heldJwt == null ? "" : ", with a held JWT") + "]";
        };
    }

    private static WonderfulException invalid(String message) {
        return new WonderfulException(ErrorCode.VALIDATION_ERROR, message);
    }
}
