package cx.wonderful.microprofile.auth;

import cx.wonderful.microprofile.Wonderful;

/**
 * Supplies a fresh token when the current one has expired or was refused: the Java form of the TypeScript SDK's
 * {@code refreshToken(entityId)} callback. An application provides one as a CDI bean (any scope); there must be at
 * most one. Without one, and with {@code wonderful.api-key} configured, the library signs a new JWT for the same
 * entityId itself ({@code POST /api/v1/jwt/sign}, default lifetime).
 *
 * <p>It serves end users too ({@link Identity#endUser}): given their entityId, it returns a JWT whose {@code sub} is
 * that user (anything else is {@code TOKEN_REFRESH_FAILED}).
 *
 * <p>The library calls it on its own refresh threads, once per refresh (concurrent callers of the same identity
 * share the result), never while holding a lock other callers need, and at most once per refused request; not
 * again within {@code wonderful.refresh-cooldown} after it failed. Callers wait for it at most
 * {@code wonderful.refresh-timeout}, then fail with {@code TOKEN_REFRESH_FAILED}. Whatever it throws, and a result
 * that is {@code null}, blank or (for a signed token) not a JWT, or a JWT already expired, becomes
 * {@code TOKEN_REFRESH_FAILED} carrying the cause. It may call {@link WonderfulAuth#sign} (which uses the API key,
 * not the token being refreshed), but not the library's other calls: those would wait for this very refresh.
 */
@FunctionalInterface
public interface TokenRefresher {

    /**
     * @param entityId the {@code sub} of the token being replaced, that is the end user's id; {@code null} when the
     *        token has none (an opaque Wonderful token)
     * @return the new token (a signed JWT, or a Wonderful token when that is what the application uses)
     */
    String refresh(String entityId);
}
