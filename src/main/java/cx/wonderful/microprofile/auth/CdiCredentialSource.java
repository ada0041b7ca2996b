package cx.wonderful.microprofile.auth;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.internal.Credential;
import cx.wonderful.microprofile.internal.CredentialSource;
import cx.wonderful.microprofile.internal.WonderfulSettings;
import cx.wonderful.microprofile.telemetry.Telemetry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The application's {@link CredentialSource}: a {@link TokenStore} set up from the configuration, refreshing with the
 * application's {@link TokenRefresher} bean if there is one, else by signing a new JWT with the API key if one is
 * configured, else not at all.
 */
@ApplicationScoped
class CdiCredentialSource implements CredentialSource {

    private WonderfulSettings settings;
    private Instance<TokenRefresher> applicationRefreshers;
    private JwtSigner signer;
    private TokenStore store;
    private Telemetry telemetry = Telemetry.off();

    /** For the CDI container's proxy. */
    CdiCredentialSource() {
    }

    @Inject
    CdiCredentialSource(WonderfulSettings settings, Instance<TokenRefresher> applicationRefreshers, JwtSigner signer) {
        this.settings = settings;
        this.applicationRefreshers = applicationRefreshers;
        this.signer = signer;
    }

    /** Each refresh is then the span {@code auth.refresh} and is counted (README, "Telemetry"). */
    @Inject
    void telemetry(Telemetry telemetry) {
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    }

    @PostConstruct
    void start() {
        store = new TokenStore(settings.configuredCredential(), refresher().map(telemetry::refreshing), settings.refreshSkew(),
                settings.refreshCooldown(), Clock.systemUTC());
    }

    private Optional<TokenRefresher> refresher() {
        if (applicationRefreshers.isAmbiguous()) {
            throw new WonderfulException(ErrorCode.CONFIGURATION_ERROR,
                    "there is more than one TokenRefresher bean; the application must provide at most one");
        }
        if (applicationRefreshers.isResolvable()) {
            return Optional.of(applicationRefreshers.get());
        }
        return signer.canSign() ? Optional.of(signer::refresh) : Optional.empty();
    }

    @Override
    public Credential current() {
        return store.current();
    }

    @Override
    public Credential afterUnauthorized(Credential used) {
        return store.afterUnauthorized(used);
    }

    TokenStore store() {
        return store;
    }
}
