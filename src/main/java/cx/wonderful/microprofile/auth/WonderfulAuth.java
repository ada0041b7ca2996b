package cx.wonderful.microprofile.auth;

import cx.wonderful.microprofile.WonderfulConfig;
import cx.wonderful.microprofile.WonderfulException;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Authentication with the Wonderful API (the TypeScript SDK's {@code auth}, {@code setToken}, {@code clearAuth}
 * and {@code config}). Inject it ({@code @Inject WonderfulAuth auth;}) or
 * build it without CDI ({@link cx.wonderful.microprofile.WonderfulSdk#auth()}).
 *
 * <p>Configuration (MicroProfile Config, so also environment variables and server variables):
 * {@code wonderful.base-url} (required), one credential of {@code wonderful.api-key}, {@code wonderful.signed-token},
 * {@code wonderful.token} (a token, where configured, authenticates the calls; the API key always signs),
 * {@code wonderful.tenant-id}, {@code wonderful.request-timeout}, {@code wonderful.max-retries},
 * {@code wonderful.retry-delay}, {@code wonderful.refresh-skew}, {@code wonderful.refresh-cooldown}; every key's
 * default and environment variable are in README's configuration table. A configuration error is logged when the
 * application starts and thrown as {@code CONFIGURATION_ERROR} by the first call.
 */
public interface WonderfulAuth {

    /**
     * Signs a short-lived JWT for an end user with the configured API key ({@code POST /api/v1/jwt/sign}). Backend
     * only: the API key must never reach a browser or an app.
     *
     * @param request the end user, and the token's lifetime, tenant and metadata
     * @return the signed JWT and when it expires
     * @throws WonderfulException {@code VALIDATION_ERROR} for a {@code null} request (the request's own rules are
     *         checked when it is built); {@code INVALID_REQUEST} without {@code wonderful.api-key};
     *         {@code NOT_AUTHENTICATED} after {@link #clearAuth()}; {@code UNAUTHORIZED} when the server refuses the
     *         API key; {@code NETWORK_ERROR} when the server cannot be reached after {@code wonderful.max-retries}
     *         retries; the server's own error otherwise
     */
    SignResponse sign(SignRequest request);

    /**
     * {@link #sign} on another thread; every failure, validation included, completes the stage exceptionally.
     *
     * @param request the end user, and the token's lifetime, tenant and metadata
     * @return a stage completed with the signed JWT, or failed with the {@link WonderfulException}
     */
    CompletionStage<SignResponse> signAsync(SignRequest request);

    /**
     * Makes {@code token} the credential of every following call, as a bearer token. Its kind is that of the
     * configured token ({@code wonderful.signed-token} or {@code wonderful.token}); without one, a JWT is taken as a
     * signed token and anything else as a Wonderful token. A JWT's {@code exp} and {@code sub} drive its refresh.
     *
     * @param token the token: a JWT or a Wonderful token
     * @throws WonderfulException {@code VALIDATION_ERROR} for a null or blank token or one with whitespace;
     *         {@code CONFIGURATION_ERROR} when the base URL is plain {@code http://} to a host that is not loopback
     */
    void setToken(String token);

    /**
     * The current JWT of end user {@code entityId}, as calls made for them ({@code chat.as(Identity.endUser(id))})
     * carry it: from the per-user cache, signed or refreshed first when there is none or it is near its {@code exp}.
     * For a frontend of that user, say; backend only, like {@link #sign}.
     *
     * @param entityId the end user's id (the {@code sub} of their JWTs)
     * @return the end user's current JWT
     * @throws WonderfulException {@code VALIDATION_ERROR} for {@code null}; {@code CONFIGURATION_ERROR} when there is
     *         neither {@code wonderful.api-key} nor a {@link TokenRefresher} bean; {@code TOKEN_REFRESH_FAILED} when
     *         getting the token failed (the cause tells why)
     */
    String tokenFor(UUID entityId);

    /**
     * Forgets the credential: until {@link #setToken}, every call of the library fails with {@code NOT_AUTHENTICATED}.
     */
    void clearAuth();

    /**
     * The current configuration, secrets masked.
     *
     * @return a snapshot of the configuration, secrets masked
     */
    WonderfulConfig config();
}

