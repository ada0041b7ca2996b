package cx.wonderful.microprofile.auth;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.internal.Credential;
import cx.wonderful.microprofile.internal.CredentialSource;
import cx.wonderful.microprofile.internal.IdentityCredentials;
import cx.wonderful.microprofile.internal.InboundToken;
import cx.wonderful.microprofile.internal.WonderfulSettings;
import cx.wonderful.microprofile.telemetry.Telemetry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The application's {@link CredentialSource} and {@link IdentityCredentials}: the {@link IdentitySources} of the
 * unnamed configuration, refreshing with the application's {@link TokenRefresher} bean if there is one, else by
 * signing a new JWT with the API key if one is configured, else not at all.
 */
@ApplicationScoped
class CdiCredentialSource implements CredentialSource, IdentityCredentials {

    private WonderfulSettings settings;
    private Instance<TokenRefresher> applicationRefreshers;
    private Instance<InboundToken> inboundTokens;
    private JwtSigner signer;
    private RefreshExecutor refreshExecutor;
    private IdentitySources sources;
    private Telemetry telemetry = Telemetry.off();

    /** For the CDI container's proxy. */
    CdiCredentialSource() {
    }

    @Inject
    CdiCredentialSource(WonderfulSettings settings, Instance<TokenRefresher> applicationRefreshers,
            Instance<InboundToken> inboundTokens, JwtSigner signer) {
        this.settings = settings;
        this.applicationRefreshers = applicationRefreshers;
        this.inboundTokens = inboundTokens;
        this.signer = signer;
    }

    /** Each refresh is then the span {@code auth.refresh} and is counted (README, "Telemetry"). */
    @Inject
    void telemetry(Telemetry telemetry) {
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    }

    /** The sources of a named client, built and owned by its {@code NamedClients}. */
    CdiCredentialSource(IdentitySources sources) {
        this.sources = sources;
    }

    @PostConstruct
    void start() {
        refreshExecutor = new RefreshExecutor();
        sources = IdentitySources.create(settings, applicationRefresher(applicationRefreshers), signer, refreshExecutor,
                inbound(inboundTokens), Clock.systemUTC(), telemetry);
    }

    @PreDestroy
    void stop() {
        if (refreshExecutor != null) {
            refreshExecutor.close();
        }
    }

    /** The application's one {@link TokenRefresher} bean, if it has one. */
    static Optional<TokenRefresher> applicationRefresher(Instance<TokenRefresher> refreshers) {
        if (refreshers.isAmbiguous()) {
            throw new WonderfulException(ErrorCode.CONFIGURATION_ERROR,
                    "there is more than one TokenRefresher bean; the application must provide at most one");
        }
        return refreshers.isResolvable() ? Optional.of(refreshers.get()) : Optional.empty();
    }

    /** The inbound request's token holder, when a request is being served on this thread. */
    static Supplier<Optional<InboundToken>> inbound(Instance<InboundToken> tokens) {
        return () -> {
            if (!tokens.isResolvable()) {
                return Optional.empty();
            }
            try {
                InboundToken holder = tokens.get();
                holder.seen(); // touches the request-scoped instance: fails here when no request is active
                return Optional.of(holder);
            } catch (ContextNotActiveException e) {
                return Optional.empty();
            }
        };
    }

    @Override
    public Credential current() {
        return sources.applicationStore().current();
    }

    @Override
    public Credential afterUnauthorized(Credential used) {
        return sources.applicationStore().afterUnauthorized(used);
    }

    @Override
    public CredentialSource sourceFor(Identity identity) {
        return sources.sourceFor(identity);
    }

    TokenStore store() {
        return sources.applicationStore();
    }

    IdentitySources sources() {
        return sources;
    }
}
