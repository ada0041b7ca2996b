package cx.wonderful.microprofile.auth;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulClient;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.chat.WonderfulChat;
import cx.wonderful.microprofile.communications.WonderfulCommunications;
import cx.wonderful.microprofile.internal.ApiInvoker;
import cx.wonderful.microprofile.internal.Credential;
import cx.wonderful.microprofile.internal.CredentialSource;
import cx.wonderful.microprofile.internal.InboundToken;
import cx.wonderful.microprofile.internal.NamedConfig;
import cx.wonderful.microprofile.internal.RestClients;
import cx.wonderful.microprofile.internal.Setting;
import cx.wonderful.microprofile.internal.WonderfulSettings;
import cx.wonderful.microprofile.realtime.RealtimeClient;
import cx.wonderful.microprofile.realtime.RealtimeExecutors;
import cx.wonderful.microprofile.telemetry.Telemetry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;

/**
 * The named clients ({@link WonderfulClient}): for each name used, a configuration read from
 * {@code wonderful.<name>.*} ({@link NamedConfig}) and its own credential sources, rest clients, invoker and facades,
 * built on the first injection and closed when the application stops. The WebSocket container and the chat threads
 * are the application's, shared.
 */
@ApplicationScoped
class NamedClients {

    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private Config config;
    private RealtimeClient realtime;
    private RealtimeExecutors executors;
    private BeanManager beanManager;
    private Instance<InboundToken> inboundTokens;
    private Telemetry telemetry = Telemetry.off();

    /** For the CDI container's proxy. */
    NamedClients() {
    }

    @Inject
    NamedClients(Config config, RealtimeClient realtime, RealtimeExecutors executors, BeanManager beanManager,
            Instance<InboundToken> inboundTokens) {
        this.config = config;
        this.realtime = realtime;
        this.executors = executors;
        this.beanManager = beanManager;
        this.inboundTokens = inboundTokens;
    }

    /** The clients' token refreshes are then the span {@code auth.refresh} and are counted (README, "Telemetry"). */
    @Inject
    void telemetry(Telemetry telemetry) {
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    }

    @Produces
    @Dependent
    @WonderfulClient("")
    WonderfulAuth auth(InjectionPoint injectionPoint) {
        return client(injectionPoint).auth;
    }

    @Produces
    @Dependent
    @WonderfulClient("")
    WonderfulChat chat(InjectionPoint injectionPoint) {
        return client(injectionPoint).chat;
    }

    @Produces
    @Dependent
    @WonderfulClient("")
    WonderfulCommunications communications(InjectionPoint injectionPoint) {
        return client(injectionPoint).communications;
    }

    private Client client(InjectionPoint injectionPoint) {
        String name = injectionPoint.getQualifiers().stream().filter(WonderfulClient.class::isInstance)
                .map(q -> ((WonderfulClient) q).value()).findFirst().orElse("");
        return client(name);
    }

    /**
     * The client {@code name}, built on first use.
     *
     * @throws WonderfulException {@code CONFIGURATION_ERROR} for a malformed name, one without
     *         {@code wonderful.<name>.base-url}, or a configuration error of the client
     */
    Client client(String name) {
        if (!NamedConfig.isClientName(name)) {
            throw new WonderfulException(ErrorCode.CONFIGURATION_ERROR, "a Wonderful client name is lower-case letters,"
                    + " digits and inner hyphens, not ws, health, end-user or config; was \"" + name + "\"");
        }
        return clients.computeIfAbsent(name, this::build);
    }

    private Client build(String name) {
        NamedConfig named = new NamedConfig(config, name);
        String baseUrlKey = named.keyOf(Setting.BASE_URL.key());
        if (config.getOptionalValue(baseUrlKey, String.class).filter(s -> !s.isBlank()).isEmpty()) {
            throw new WonderfulException(ErrorCode.CONFIGURATION_ERROR, "there is no Wonderful client named \"" + name
                    + "\": set " + baseUrlKey);
        }
        WonderfulSettings settings;
        try {
            settings = WonderfulSettings.from(named);
        } catch (WonderfulException e) {
            throw new WonderfulException(ErrorCode.CONFIGURATION_ERROR, "Wonderful client \"" + name + "\" (keys "
                    + named.keyOf("wonderful.*") + "): " + e.getMessage(), e);
        }
        ApplicationSource application = new ApplicationSource();
        RestClients restClients = new RestClients(named, settings, application);
        ApiInvoker invoker = new ApiInvoker(settings, application);
        invoker.telemetry(telemetry);
        JwtSigner signer = new JwtSigner(settings, restClients, invoker);
        RefreshExecutor refreshExecutor = new RefreshExecutor();
        IdentitySources sources = IdentitySources.create(settings, Optional.empty(), signer, refreshExecutor,
                CdiCredentialSource.inbound(inboundTokens), Clock.systemUTC(), telemetry);
        application.target = sources.applicationStore();
        WonderfulAuth auth = new WonderfulAuth(settings, signer, new CdiCredentialSource(sources));
        WonderfulCommunications communications = new WonderfulCommunications(restClients, invoker, sources);
        WonderfulChat chat = new WonderfulChat(settings, restClients, invoker, realtime.forClient(application, settings),
                executors, beanManager, sources);
        return new Client(auth, chat, communications, restClients, invoker, refreshExecutor);
    }

    @PreDestroy
    void closeAll() {
        clients.values().forEach(Client::close);
        clients.clear();
    }

    /** One named client's facades and what it owns. */
    record Client(WonderfulAuth auth, WonderfulChat chat, WonderfulCommunications communications, RestClients restClients,
            ApiInvoker invoker, RefreshExecutor refreshExecutor) {
        void close() {
            chat.shutdown();
            restClients.closeAll();
            invoker.close();
            refreshExecutor.close();
        }
    }

    /** The client's application credential, known once its sources exist (they need the client's signer first). */
    private static final class ApplicationSource implements CredentialSource {
        volatile CredentialSource target;

        @Override
        public Credential current() {
            return target.current();
        }

        @Override
        public Credential afterUnauthorized(Credential used) {
            return target.afterUnauthorized(used);
        }
    }
}
