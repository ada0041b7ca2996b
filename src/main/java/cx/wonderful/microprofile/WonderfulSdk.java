package cx.wonderful.microprofile;

import cx.wonderful.microprofile.auth.TokenRefresher;
import cx.wonderful.microprofile.auth.WonderfulAuth;
import cx.wonderful.microprofile.chat.WonderfulChat;
import cx.wonderful.microprofile.communications.WonderfulCommunications;
import cx.wonderful.microprofile.internal.Setting;
import cx.wonderful.microprofile.internal.core.ProgrammaticClients;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The library without CDI (the TypeScript SDK's {@code new WonderfulSDK({...})}): for plain Java code, batch jobs
 * and tests. The same core as the injected beans, configured with the same keys (README's configuration table):
 * <pre>{@code
 * try (WonderfulSdk wonderful = WonderfulSdk.builder()
 *         .baseUrl("https://acme.api.wonderful.ai").apiKey(System.getenv("WONDERFUL_API_KEY"))
 *         .set("wonderful.workspace-id", workspaceId).build()) {
 *     SignResponse signed = wonderful.auth().sign(SignRequest.forUser(userId));
 * }
 * }</pre>
 * A client built here owns its HTTP clients, its chat sockets and its threads until {@link #close()}. Differences
 * from the injected beans: chat events reach the sessions' listeners only (there are no CDI observers), nothing is
 * recorded by telemetry, and {@code Identity.inboundToken()} has no request to read. It needs, like the beans, a
 * MicroProfile Config, Rest Client and JSON implementation on the class path, and a WebSocket client for chat.
 */
public final class WonderfulSdk implements AutoCloseable {

    private final ProgrammaticClients.Built built;

    private WonderfulSdk(ProgrammaticClients.Built built) {
        this.built = built;
    }

    /**
     * A builder with no setting yet.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Authentication: sign end users' JWTs, set or clear the token, the configuration view.
     *
     * @return this client's auth, acting as the application
     */
    public WonderfulAuth auth() {
        return built.client().auth();
    }

    /**
     * Real-time chats.
     *
     * @return this client's chat, acting as the application (use {@code as(...)} for an end user)
     */
    public WonderfulChat chat() {
        return built.client().chat();
    }

    /**
     * The communications history.
     *
     * @return this client's communications, acting as the application (use {@code as(...)} for an end user)
     */
    public WonderfulCommunications communications() {
        return built.client().communications();
    }

    /**
     * Lets every chat of this client go (their sockets closed with 1001, the sessions left open at the server),
     * closes its HTTP clients and stops its threads. Idempotent. After it, a chat cannot start or recover
     * ({@code CONNECTION_LOST}) and the other calls fail.
     */
    @Override
    public void close() {
        built.close();
    }

    @Override
    public String toString() {
        return "WonderfulSdk[" + built.client() + "]";
    }

    /** Collects the settings of one client; {@link #build()} checks them all at once. Not thread-safe. */
    public static final class Builder {

        private final Map<String, String> properties = new LinkedHashMap<>();
        private Config config;
        private String name;
        private TokenRefresher refresher;

        private Builder() {
        }

        /**
         * Sets any key of README's configuration table ({@code wonderful.*}) or a standard
         * {@code <configKey>/mp-rest/...} key of the library's rest clients. Set keys come before the
         * {@link #config(Config) configuration}'s.
         *
         * @param key the key, for example {@code wonderful.request-timeout}
         * @param value its value, as it would be written in {@code microprofile-config.properties}
         * @return this builder
         * @throws NullPointerException when {@code key} or {@code value} is null
         */
        public Builder set(String key, String value) {
            properties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * {@code wonderful.base-url}: the API's base URL (required).
         *
         * @param baseUrl for example {@code https://acme.api.wonderful.ai}
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            return set(Setting.BASE_URL.key(), baseUrl);
        }

        /**
         * {@code wonderful.api-key}: the API key, which signs end users' JWTs (backend only).
         *
         * @param apiKey the key
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            return set(Setting.API_KEY.key(), apiKey);
        }

        /**
         * {@code wonderful.tenant-id}, sent as {@code x-tenant-id}; none by default.
         *
         * @param tenantId the tenant
         * @return this builder
         */
        public Builder tenantId(String tenantId) {
            return set(Setting.TENANT_ID.key(), tenantId);
        }

        /**
         * Reads every key not {@link #set} from {@code config} (for example {@code ConfigProvider.getConfig()}, so
         * environment variables and system properties too); without it, only the keys set here count.
         *
         * @param config the configuration
         * @return this builder
         * @throws NullPointerException when {@code config} is null
         */
        public Builder config(Config config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * Builds the named client {@code name} of the configuration (its keys {@code wonderful.<name>.*}, as
         * {@link WonderfulClient} describes) instead of the unnamed one.
         *
         * @param name lower-case letters, digits and inner hyphens
         * @return this builder
         * @throws NullPointerException when {@code name} is null
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Gets new tokens when the current one is refused or near its {@code exp}, instead of signing with the API
         * key; none by default.
         *
         * @param refresher the refresher
         * @return this builder
         * @throws NullPointerException when {@code refresher} is null
         */
        public Builder tokenRefresher(TokenRefresher refresher) {
            this.refresher = Objects.requireNonNull(refresher, "refresher");
            return this;
        }

        /**
         * Builds the client. Nothing is sent yet.
         *
         * @return a client, to be closed by its user
         * @throws WonderfulException {@code CONFIGURATION_ERROR} when a setting is missing or not valid (the message
         *         names every key at fault, never a secret value), or when no MicroProfile Config implementation is
         *         on the class path
         */
        public WonderfulSdk build() {
            return new WonderfulSdk(ProgrammaticClients.build(properties, Optional.ofNullable(config),
                    Optional.ofNullable(name), Optional.ofNullable(refresher)));
        }
    }
}
