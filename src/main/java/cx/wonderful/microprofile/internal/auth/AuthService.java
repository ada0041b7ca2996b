package cx.wonderful.microprofile.internal.auth;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulConfig;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.auth.Identity;
import cx.wonderful.microprofile.auth.SignRequest;
import cx.wonderful.microprofile.auth.SignResponse;
import cx.wonderful.microprofile.auth.TokenRefresher;
import cx.wonderful.microprofile.auth.WonderfulAuth;
import cx.wonderful.microprofile.internal.ApiInvoker;
import cx.wonderful.microprofile.internal.Credential;
import cx.wonderful.microprofile.internal.CredentialKind;
import cx.wonderful.microprofile.internal.CredentialSource;
import cx.wonderful.microprofile.internal.IdentityCredentials;
import cx.wonderful.microprofile.internal.InboundToken;
import cx.wonderful.microprofile.internal.RestClients;
import cx.wonderful.microprofile.internal.WonderfulSettings;
import cx.wonderful.microprofile.internal.telemetry.Telemetry;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The {@link WonderfulAuth} of one client configuration, and what it owns: the JWT signer, the credential sources of
 * the application and of its end users, and the threads refreshers run on. Framework-free: built by
 * {@link #create} and closed by its client.
 */
public final class AuthService implements WonderfulAuth, AutoCloseable {

    private final WonderfulSettings settings;
    private final JwtSigner signer;
    private final IdentitySources sources;
    private final RefreshExecutor refreshExecutor;

    private AuthService(WonderfulSettings settings, JwtSigner signer, IdentitySources sources, RefreshExecutor refreshExecutor) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.refreshExecutor = Objects.requireNonNull(refreshExecutor, "refreshExecutor");
    }

    /**
     * @param restClients and {@code invoker} the client's own, for the sign calls (whose client carries the API key
     *        and never the token store, so a refresh cannot recurse)
     * @param refresher the application's {@link TokenRefresher}, if it has one; else the library signs with the API
     *        key where one is configured
     * @param inbound the inbound request's token holder; empty when no request is being served
     */
    public static AuthService create(WonderfulSettings settings, RestClients restClients, ApiInvoker invoker,
            Optional<TokenRefresher> refresher, Supplier<Optional<InboundToken>> inbound, Telemetry telemetry) {
        JwtSigner signer = new JwtSigner(settings, restClients, invoker);
        RefreshExecutor refreshExecutor = new RefreshExecutor();
        IdentitySources sources = IdentitySources.create(settings, refresher, signer, refreshExecutor, inbound,
                Clock.systemUTC(), telemetry);
        return new AuthService(settings, signer, sources, refreshExecutor);
    }

    /** The credential sources of the application and of each identity. */
    public IdentityCredentials identities() {
        return sources;
    }

    /** The application's own credential: the configured one, or the one {@link #setToken} set. */
    public CredentialSource application() {
        return sources.applicationStore();
    }

    /** Stops the refresh threads. */
    @Override
    public void close() {
        refreshExecutor.close();
    }

    @Override
    public SignResponse sign(SignRequest request) {
        checkCanSign(request);
        return signer.sign(request);
    }

    @Override
    public CompletionStage<SignResponse> signAsync(SignRequest request) {
        try {
            checkCanSign(request);
        } catch (WonderfulException e) {
            return CompletableFuture.failedFuture(e);
        }
        return signer.signAsync(request);
    }

    @Override
    public void setToken(String token) {
        if (token == null || token.isBlank()) {
            throw new WonderfulException(ErrorCode.VALIDATION_ERROR, "the token must not be null or blank");
        }
        if (token.chars().anyMatch(c -> c <= ' ' || c == 127)) {
            throw new WonderfulException(ErrorCode.VALIDATION_ERROR, "the token must not contain whitespace or control characters");
        }
        WonderfulSettings.requireSafeForBearer(settings.baseUrl());
        sources.applicationStore().set(new Credential(kindOf(token), token));
    }

    @Override
    public String tokenFor(UUID entityId) {
        return sources.tokenFor(Identity.endUser(entityId));
    }

    @Override
    public void clearAuth() {
        sources.applicationStore().clear();
    }

    @Override
    public WonderfulConfig config() {
        return settings.view(sources.applicationStore().peek());
    }

    private CredentialKind kindOf(String token) {
        return settings.configuredCredential().map(Credential::kind).filter(CredentialKind::isBearer)
                .orElseGet(() -> JwtClaims.parse(token).isPresent() ? CredentialKind.SIGNED_TOKEN : CredentialKind.TOKEN);
    }

    private void checkCanSign(SignRequest request) {
        if (request == null) {
            throw new WonderfulException(ErrorCode.VALIDATION_ERROR, "the sign request must not be null");
        }
        if (sources.applicationStore().isCleared()) {
            throw new WonderfulException(ErrorCode.NOT_AUTHENTICATED,
                    "authentication was cleared with clearAuth(); call setToken(...) first");
        }
    }

    @Override
    public String toString() {
        return "WonderfulAuth";
    }
}
