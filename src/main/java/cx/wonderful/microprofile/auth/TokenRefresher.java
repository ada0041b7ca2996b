package cx.wonderful.microprofile.auth;

/**
 * Supplies a fresh token when the current one has expired or was refused: the Java form of the TypeScript SDK's
 * {@code refreshToken(entityId)} callback. An application provides one as a CDI bean (any scope); there must be at
 * most one. Without one, and with {@code wonderful.api-key} configured, the library signs a new JWT for the same
 * entityId itself ({@code POST /api/v1/jwt/sign}, with {@code wonderful.tenant-id} when set): for the application's
 * own token with a {@link SignRequest}'s default lifetime ({@value SignRequest#DEFAULT_EXPIRES_IN} seconds), for an end
 * user with {@code wonderful.end-user.token-lifetime} (default 1 hour).
 *
 * <p>It serves end users too ({@link Identity#endUser}): given their entityId, it returns a JWT whose {@code sub} is
 * that user (anything else is {@code TOKEN_REFRESH_FAILED}).
 *
 * <p>The library calls it on its own refresh threads, once per refresh (concurrent callers of the same identity
 * share the result), never while holding a lock other callers need, and at most once per refused request; not
 * again within {@code wonderful.refresh-cooldown} (default 5 s) after it failed. Callers wait for it at most
 * {@code wonderful.refresh-timeout} (default 10 s), then fail with {@code TOKEN_REFRESH_FAILED}. Whatever it throws, and a result
 * that is {@code null}, blank or (for a signed token) not a JWT, or a JWT already expired, becomes
 * {@code TOKEN_REFRESH_FAILED} carrying the cause. It may call {@link WonderfulAuth#sign} (which uses the API key,
 * not the token being refreshed), but not the library's other calls: those would wait for this very refresh.
 */
@FunctionalInterface
public interface TokenRefresher {

    /**
     * Returns a new token for {@code entityId}. A runtime exception it throws fails every caller waiting for this
     * refresh with {@code TOKEN_REFRESH_FAILED}: a {@link cx.wonderful.microprofile.WonderfulException} of that code
     * as it is, any other with it as the cause.
     *
     * @param entityId the {@code sub} of the token being replaced, that is the end user's id; {@code null} when the
     *        token has none (an opaque Wonderful token)
     * @return the new token (a signed JWT, or a Wonderful token when that is what the application uses): not
     *         {@code null} or blank, without whitespace or control characters, not expired; for an end user a JWT
     *         whose {@code sub} is {@code entityId}
     */
    String refresh(String entityId);
}
