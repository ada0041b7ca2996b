package cx.wonderful.microprofile.internal.cdi;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulClient;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.auth.TokenRefresher;
import cx.wonderful.microprofile.auth.WonderfulAuth;
import cx.wonderful.microprofile.chat.WonderfulChat;
import cx.wonderful.microprofile.communications.WonderfulCommunications;
import cx.wonderful.microprofile.internal.ConfigDiagnostics;
import cx.wonderful.microprofile.internal.InboundToken;
import cx.wonderful.microprofile.internal.LogMessage;
import cx.wonderful.microprofile.internal.RestClientOptions;
import cx.wonderful.microprofile.internal.WonderfulSettings;
import cx.wonderful.microprofile.internal.core.ConfiguredClient;
import cx.wonderful.microprofile.internal.core.SharedRuntime;
import cx.wonderful.microprofile.internal.realtime.RealtimeExecutors;
import cx.wonderful.microprofile.internal.telemetry.Telemetry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The library's CDI layer: produces the application's {@link WonderfulAuth}, {@link WonderfulChat} and
 * {@link WonderfulCommunications} (unqualified, and {@link WonderfulClient @WonderfulClient("name")} for the named
 * clients) from the framework-free core ({@link ConfiguredClient} on one {@link SharedRuntime}), and closes it all
 * when the application stops. Its only bean type an application could name is this package-private class, so no
 * implementation object is injectable.
 *
 * <p>The unnamed client is built on first use from MicroProfile Config, with the application's one
 * {@link TokenRefresher} bean if it has one; a configuration error is logged when the application starts (a SEVERE
 * line naming each key at fault, never a secret value) and thrown as {@code CONFIGURATION_ERROR} by every use, unless
 * {@code wonderful.config.fail-on-error=true} refuses the deployment
 * ({@link cx.wonderful.microprofile.internal.ConfigCheckExtension}). A named client is built on its first injection
 * from {@code wonderful.<name>.*}; the application's refresher serves the unnamed client only.
 */
@ApplicationScoped
class LibraryBeans {

    private static final Logger LOG = Logger.getLogger(LibraryBeans.class.getName());

    private final Map<String, ConfiguredClient> named = new ConcurrentHashMap<>();
    private Config config;
    private BeanManager beanManager;
    private Instance<TokenRefresher> refreshers;
    private Instance<InboundToken> inboundTokens;
    private SharedRuntime runtime;
    private Telemetry telemetry;
    private WonderfulSettings settings;
    private WonderfulException configurationError;
    private ConfiguredClient unnamed;
    private boolean closed;

    /** For the CDI container's proxy. */
    LibraryBeans() {
    }

    @Inject
    LibraryBeans(Config config, BeanManager beanManager, Instance<TokenRefresher> refreshers,
            Instance<InboundToken> inboundTokens) {
        this.config = config;
        this.beanManager = beanManager;
        this.refreshers = refreshers;
        this.inboundTokens = inboundTokens;
    }

    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        ConfigDiagnostics.unknownKeys(config).forEach(unknown ->
                LogMessage.UNKNOWN_KEY.log(LOG, unknown.name(), unknown.source(), unknown.closestKey()));
        try {
            WonderfulSettings checked = settings();
            LOG.info(() -> "Wonderful MicroProfile configured: " + checked);
        } catch (WonderfulException e) {
            LogMessage.NOT_CONFIGURED.log(LOG, e.code(), e.getMessage());
        }
        List<String> restClientProblems = RestClientOptions.startupProblems(config);
        if (!restClientProblems.isEmpty()) {
            LogMessage.REST_CLIENT_KEYS_INVALID.log(LOG, String.join("; ", restClientProblems));
        }
    }

    @Produces
    @ApplicationScoped
    WonderfulAuth auth() {
        return unnamed().auth();
    }

    @Produces
    @ApplicationScoped
    WonderfulChat chat() {
        return unnamed().chat();
    }

    @Produces
    @ApplicationScoped
    WonderfulCommunications communications() {
        return unnamed().communications();
    }

    @Produces
    @Dependent
    @WonderfulClient("")
    WonderfulAuth namedAuth(InjectionPoint injectionPoint) {
        return named(injectionPoint).auth();
    }

    @Produces
    @Dependent
    @WonderfulClient("")
    WonderfulChat namedChat(InjectionPoint injectionPoint) {
        return named(injectionPoint).chat();
    }

    @Produces
    @Dependent
    @WonderfulClient("")
    WonderfulCommunications namedCommunications(InjectionPoint injectionPoint) {
        return named(injectionPoint).communications();
    }

    /**
     * The unnamed client, built on first use (not at startup: an application that never calls the library starts
     * none of its threads).
     *
     * @throws WonderfulException {@code CONFIGURATION_ERROR} for a configuration error (the same one every time), for
     *         more than one {@link TokenRefresher} bean, or once the application is stopping
     */
    synchronized ConfiguredClient unnamed() {
        if (unnamed == null) {
            unnamed = new ConfiguredClient(runtime(), config, settings(), applicationRefresher());
        }
        return unnamed;
    }

    /** The unnamed client's settings, read once: checked at startup, used by the client. */
    private synchronized WonderfulSettings settings() {
        if (settings == null && configurationError == null) {
            try {
                settings = WonderfulSettings.from(config);
            } catch (WonderfulException e) {
                configurationError = e;
            }
        }
        if (configurationError != null) {
            throw configurationError;
        }
        return settings;
    }

    synchronized Telemetry telemetry() {
        if (telemetry == null) {
            telemetry = Telemetry.fromCdi(beanManager, config);
        }
        return telemetry;
    }

    private synchronized SharedRuntime runtime() {
        if (closed) {
            throw new WonderfulException(ErrorCode.CONFIGURATION_ERROR, "the application is stopping");
        }
        if (runtime == null) {
            runtime = new SharedRuntime(new RealtimeExecutors(), telemetry(), new CdiObservers(beanManager), inbound());
        }
        return runtime;
    }

    private ConfiguredClient named(InjectionPoint injectionPoint) {
        String name = injectionPoint.getQualifiers().stream().filter(WonderfulClient.class::isInstance)
                .map(q -> ((WonderfulClient) q).value()).findFirst().orElse("");
        return named(name);
    }

    /**
     * The client {@code name}, built on first use.
     *
     * @throws WonderfulException as {@link ConfiguredClient#named}
     */
    ConfiguredClient named(String name) {
        return named.computeIfAbsent(ConfiguredClient.requireName(name),
                n -> ConfiguredClient.named(runtime(), config, n, Optional.empty()));
    }

    /** Every client's chats are let go (1001), their HTTP clients and threads closed, then the shared threads. */
    @PreDestroy
    synchronized void closeAll() {
        closed = true;
        named.values().forEach(ConfiguredClient::close);
        named.clear();
        if (unnamed != null) {
            unnamed.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    /** The application's one {@link TokenRefresher} bean, if it has one. */
    private Optional<TokenRefresher> applicationRefresher() {
        if (refreshers.isAmbiguous()) {
            throw new WonderfulException(ErrorCode.CONFIGURATION_ERROR,
                    "there is more than one TokenRefresher bean; the application must provide at most one");
        }
        return refreshers.isResolvable() ? Optional.of(refreshers.get()) : Optional.empty();
    }

    /** The inbound request's token holder, when a request is being served on this thread. */
    private Supplier<Optional<InboundToken>> inbound() {
        Instance<InboundToken> tokens = inboundTokens;
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
}
