package cx.wonderful.microprofile.internal.auth;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.auth.Identity;
import cx.wonderful.microprofile.auth.TokenRefresher;
import cx.wonderful.microprofile.internal.Credential;
import cx.wonderful.microprofile.internal.CredentialKind;
import cx.wonderful.microprofile.internal.CredentialSource;
import cx.wonderful.microprofile.internal.FixedCredential;
import cx.wonderful.microprofile.internal.IdentityCredentials;
import cx.wonderful.microprofile.internal.InboundToken;
import cx.wonderful.microprofile.internal.WonderfulSettings;
import cx.wonderful.microprofile.internal.telemetry.Telemetry;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The credential sources of one client configuration: the application's {@link TokenStore}, the end users'
 * {@link UserTokens}, and the inbound request's token; resolves an {@link Identity} to one of them. Framework-free:
 * the CDI layer and the named clients build it with {@link #create}.
 */
final class IdentitySources implements IdentityCredentials {

    private final TokenStore application;
    private final UserTokens users;
    private final Supplier<Optional<InboundToken>> inbound;
    private final WonderfulSettings settings;

    IdentitySources(TokenStore application, UserTokens users, Supplier<Optional<InboundToken>> inbound,
            WonderfulSettings settings) {
        this.application = Objects.requireNonNull(application, "application");
        this.users = Objects.requireNonNull(users, "users");
        this.inbound = Objects.requireNonNull(inbound, "inbound");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * @param applicationRefresher the application's {@link TokenRefresher} bean, if it has one; without it the
     *        library signs with the API key where one is configured (for end users with
     *        {@code wonderful.end-user.token-lifetime})
     * @param refreshRunner where refreshers run, so that a caller's wait for one is bounded
     * @param inbound the inbound request's token holder; empty when no request is being served
     * @param telemetry records every refresh (the application's refresher and the library's own), each a child of
     *        the call that needed it although it runs on {@code refreshRunner}
     */
    static IdentitySources create(WonderfulSettings settings, Optional<TokenRefresher> applicationRefresher, JwtSigner signer,
            Executor refreshRunner, Supplier<Optional<InboundToken>> inbound, Clock clock, Telemetry telemetry) {
        TokenStore.Timing timing = new TokenStore.Timing(settings.refreshSkew(), settings.refreshCooldown(),
                settings.refreshTimeout(), Telemetry.inSubmittersContext(refreshRunner),
                () -> ThreadLocalRandom.current().nextDouble());
        Optional<TokenRefresher> forApplication = applicationRefresher
                .or(() -> signer.canSign() ? Optional.of(signer::refresh) : Optional.empty()).map(telemetry::refreshing);
        Optional<TokenRefresher> forUsers = applicationRefresher.or(() -> signer.canSign()
                ? Optional.of(entityId -> signer.refresh(entityId, settings.endUserTokenLifetime())) : Optional.empty())
                .map(telemetry::refreshing);
        TokenStore application = new TokenStore(settings.configuredCredential(), forApplication, Optional.empty(), timing, clock);
        UserTokens users = new UserTokens(forUsers, timing, settings.endUserCacheSize(), settings.endUserCacheIdle(), clock);
        return new IdentitySources(application, users, inbound, settings);
    }

    TokenStore applicationStore() {
        return application;
    }

    @Override
    public CredentialSource sourceFor(Identity identity) {
        if (identity == null) {
            throw new WonderfulException(ErrorCode.VALIDATION_ERROR, "the identity must not be null; use Identity.application()");
        }
        return switch (identity.kind()) {
            case APPLICATION -> application;
            case END_USER -> identity.heldJwt().map(jwt -> {
                WonderfulSettings.requireSafeForBearer(settings.baseUrl());
                return users.held(identity.entityId().orElseThrow(), jwt);
            }).orElseGet(() -> {
                WonderfulSettings.requireSafeForBearer(settings.baseUrl());
                return users.source(identity.entityId().orElseThrow());
            });
            case INBOUND_TOKEN -> inboundSource();
        };
    }

    private CredentialSource inboundSource() {
        InboundToken holder = inbound.get().orElseThrow(() -> new WonderfulException(ErrorCode.NOT_AUTHENTICATED,
                "Identity.inboundToken() needs a JAX-RS request being served on this thread; there is none"));
        if (!holder.seen()) {
            throw new WonderfulException(ErrorCode.NOT_AUTHENTICATED, "the inbound request was not seen by the library's"
                    + " InboundTokenFilter: register it with your JAX-RS application");
        }
        String token = holder.token().orElseThrow(() -> new WonderfulException(ErrorCode.NOT_AUTHENTICATED,
                "the inbound request carries no bearer token (Authorization: Bearer); not falling back to the API key"));
        if (token.chars().anyMatch(c -> c <= ' ' || c == 127)) {
            throw new WonderfulException(ErrorCode.NOT_AUTHENTICATED, "the inbound bearer token is malformed");
        }
        WonderfulSettings.requireSafeForBearer(settings.baseUrl());
        boolean jwt = JwtClaims.parse(token).isPresent();
        return new FixedCredential(new Credential(jwt ? CredentialKind.SIGNED_TOKEN : CredentialKind.TOKEN, token));
    }

    /** The end user's current JWT, obtained or refreshed as needed. */
    String tokenFor(Identity identity) {
        if (identity == null || identity.kind() != Identity.Kind.END_USER) {
            throw new WonderfulException(ErrorCode.VALIDATION_ERROR, "tokenFor needs an end user identity");
        }
        return sourceFor(identity).current().secret();
    }

    @Override
    public String toString() {
        return "IdentitySources[" + users.size() + " end users cached]";
    }
}
