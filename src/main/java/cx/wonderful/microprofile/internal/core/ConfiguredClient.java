package cx.wonderful.microprofile.internal.core;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.auth.TokenRefresher;
import cx.wonderful.microprofile.auth.WonderfulAuth;
import cx.wonderful.microprofile.chat.WonderfulChat;
import cx.wonderful.microprofile.communications.WonderfulCommunications;
import cx.wonderful.microprofile.internal.ApiInvoker;
import cx.wonderful.microprofile.internal.Credential;
import cx.wonderful.microprofile.internal.CredentialSource;
import cx.wonderful.microprofile.internal.IdentityCredentials;
import cx.wonderful.microprofile.internal.NamedConfig;
import cx.wonderful.microprofile.internal.RestClients;
import cx.wonderful.microprofile.internal.Setting;
import cx.wonderful.microprofile.internal.WonderfulSettings;
import cx.wonderful.microprofile.internal.auth.AuthService;
import cx.wonderful.microprofile.internal.chat.ChatService;
import cx.wonderful.microprofile.internal.communications.CommunicationsService;
import cx.wonderful.microprofile.internal.realtime.RealtimeClient;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * One client configuration, wired by hand: its settings, rest clients, invoker, credential sources and its three
 * facades, on the {@link SharedRuntime} of its application. The unnamed client, each named client and each
 * programmatic client is one of these. {@link #close()} lets its chats go and closes its HTTP clients and refresh
 * threads; the shared runtime stays.
 */
public final class ConfiguredClient implements AutoCloseable {

    private final WonderfulSettings settings;
    private final RestClients restClients;
    private final ApiInvoker invoker;
    private final AuthService auth;
    private final ChatService chat;
    private final CommunicationsService communications;

    /**
     * @param config the client's configuration: its {@code wonderful.*} keys (for a named client, a view of them:
     *        {@link NamedConfig}) and its rest clients' {@code mp-rest} keys
     * @param refresher the application's {@link TokenRefresher}, if it has one for this client
     * @throws cx.wonderful.microprofile.WonderfulException {@code CONFIGURATION_ERROR} when the configuration is
     *         not valid (the message names every key at fault)
     */
    public ConfiguredClient(SharedRuntime runtime, Config config, Optional<TokenRefresher> refresher) {
        this(runtime, config, WonderfulSettings.from(config), refresher);
    }

    /** With {@code settings} already read from {@code config} (the CDI layer reads them at startup, to check them). */
    public ConfiguredClient(SharedRuntime runtime, Config config, WonderfulSettings settings,
            Optional<TokenRefresher> refresher) {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(refresher, "refresher");
        this.settings = Objects.requireNonNull(settings, "settings");
        // The application's credential lives in the auth part, which needs the rest clients and invoker first.
        DeferredSource application = new DeferredSource();
        restClients = new RestClients(config, settings, application);
        invoker = new ApiInvoker(settings, application);
        invoker.telemetry(runtime.telemetry());
        auth = AuthService.create(settings, restClients, invoker, refresher, runtime.inbound(), runtime.telemetry());
        application.target = auth.application();
        IdentityCredentials identities = auth.identities();
        communications = new CommunicationsService(restClients, invoker, identities);
        RealtimeClient realtime = RealtimeClient.create(runtime::container, application, settings, runtime.executors());
        chat = new ChatService(settings, restClients, invoker, realtime, runtime.executors(), runtime.observers(),
                identities, runtime.telemetry());
    }

    /**
     * The named client {@code name} of {@code config}: its keys are {@code wonderful.<name>.*}
     * ({@link NamedConfig}); it reads no {@code mp-rest} key.
     *
     * @throws WonderfulException {@code CONFIGURATION_ERROR} for a malformed name, one without
     *         {@code wonderful.<name>.base-url}, or a configuration error of the client (its message names the keys)
     */
    public static ConfiguredClient named(SharedRuntime runtime, Config config, String name,
            Optional<TokenRefresher> refresher) {
        NamedConfig namedConfig = new NamedConfig(config, requireName(name));
        String baseUrlKey = namedConfig.keyOf(Setting.BASE_URL.key());
        if (config.getOptionalValue(baseUrlKey, String.class).filter(s -> !s.isBlank()).isEmpty()) {
            throw new WonderfulException(ErrorCode.CONFIGURATION_ERROR, "there is no Wonderful client named \"" + name
                    + "\": set " + baseUrlKey);
        }
        try {
            return new ConfiguredClient(runtime, namedConfig, refresher);
        } catch (WonderfulException e) {
            throw new WonderfulException(ErrorCode.CONFIGURATION_ERROR, "Wonderful client \"" + name + "\" (keys "
                    + namedConfig.keyOf("wonderful.*") + "): " + e.getMessage(), e);
        }
    }

    /**
     * @return {@code name}, when it is a client name
     * @throws WonderfulException {@code CONFIGURATION_ERROR} when it is not one
     */
    public static String requireName(String name) {
        if (!NamedConfig.isClientName(name)) {
            throw new WonderfulException(ErrorCode.CONFIGURATION_ERROR, "a Wonderful client name is lower-case letters,"
                    + " digits and inner hyphens, not ws, health, end-user or config; was \"" + name + "\"");
        }
        return name;
    }

    public WonderfulSettings settings() {
        return settings;
    }

    public RestClients restClients() {
        return restClients;
    }

    public ApiInvoker invoker() {
        return invoker;
    }

    /** The application's own credential, as every call without {@code as(...)} carries it. */
    public CredentialSource credentials() {
        return auth.application();
    }

    public WonderfulAuth auth() {
        return auth;
    }

    public WonderfulChat chat() {
        return chat;
    }

    public WonderfulCommunications communications() {
        return communications;
    }

    /** Lets every chat of this client go (1001), then closes its HTTP clients and its refresh threads. */
    @Override
    public void close() {
        chat.shutdown();
        restClients.closeAll();
        invoker.close();
        auth.close();
    }

    @Override
    public String toString() {
        return "ConfiguredClient[" + settings + "]";
    }

    /** The application's credential, known once the auth part exists. */
    private static final class DeferredSource implements CredentialSource {
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
