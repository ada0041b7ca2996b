package cx.wonderful.microprofile.internal;

import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.internal.telemetry.Telemetry;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Builds the library's own MicroProfile Rest Clients: base URL, timeouts, the credential filter, the tenant header
 * and the error mapping, registered on these clients only (never on an application's other clients).
 *
 * <p>Settings of a client, first found wins:
 * <ul>
 * <li>base URL: {@code <configKey>/mp-rest/uri}, {@code <configKey>/mp-rest/url}, {@code wonderful.base-url};</li>
 * <li>connect timeout: {@code <configKey>/mp-rest/connectTimeout} (milliseconds), {@code wonderful.request-timeout}
 * (its default: {@link Setting#REQUEST_TIMEOUT});</li>
 * <li>read timeout: {@code <configKey>/mp-rest/readTimeout} (milliseconds), {@code wonderful.request-timeout};</li>
 * <li>and every other standard key of MicroProfile Rest Client: {@code followRedirects}, {@code proxyAddress},
 * {@code queryParamStyle}, {@code trustStore}/{@code trustStorePassword}/{@code trustStoreType},
 * {@code keyStore}/{@code keyStorePassword}/{@code keyStoreType}, {@code hostnameVerifier}, {@code providers} and
 * {@code providers/<class>/priority}; {@code scope} is refused ({@link RestClientOptions}).</li>
 * </ul>
 * The same keys with the interface's fully qualified name in place of the config key also work, as in MicroProfile
 * Rest Client. A client built here throws {@link WonderfulException} for every error response; a bearer credential
 * is refused (CONFIGURATION_ERROR) on a plain {@code http://} URL whose host is not loopback.
 *
 * <p>A client is thread-safe and meant to be created once and kept; every client created here is closed when the
 * application stops.
 */
public class RestClients {

    private static final Logger LOG = Logger.getLogger(RestClients.class.getName());

    private final List<AutoCloseable> created = new CopyOnWriteArrayList<>();
    private final Config config;
    private final WonderfulSettings settings;
    private final CredentialSource credentials;

    public RestClients(Config config, WonderfulSettings settings, CredentialSource credentials) {
        this.config = Objects.requireNonNull(config, "config");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /**
     * A client of {@code api} whose requests carry the credential of the library's {@link CredentialSource}.
     * Precedence for its settings: the standard {@code <configKey>/mp-rest/...} keys ({@link RestClientOptions}) over
     * the {@code wonderful.*} keys over the defaults.
     *
     * @param configKey the {@code configKey} of the interface's {@code @RegisterRestClient}
     * @throws WonderfulException {@code CONFIGURATION_ERROR} when an {@code mp-rest} key holds a bad value, names
     *         a key store or class that cannot be loaded, or is {@code scope}
     */
    public <T> T create(Class<T> api, String configKey) {
        return create(api, configKey, credentials);
    }

    /**
     * A client of {@code api} whose requests carry the credential of {@code source} instead of the library's token
     * store: for calls that must not depend on it (signing a JWT to refresh a token must not recurse into the
     * refresh). Settings as in {@link #create(Class, String)}.
     */
    public <T> T create(Class<T> api, String configKey, CredentialSource source) {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(configKey, "configKey");
        Objects.requireNonNull(source, "source");
        RestClientOptions options = RestClientOptions.read(config, configKey, api);
        long timeout = settings.requestTimeout().toMillis();
        RestClientBuilder builder = options.applyTo(RestClientBuilder.newBuilder()
                .baseUri(options.baseUri(settings.baseUrl()))
                .connectTimeout(options.connectTimeoutMillis(timeout), TimeUnit.MILLISECONDS)
                .readTimeout(options.readTimeoutMillis(timeout), TimeUnit.MILLISECONDS))
                .register(new PathGuard())
                .register(new CredentialFilter(source, settings.tenantId()))
                .register(new WonderfulResponseExceptionMapper())
                .register(Telemetry.restClientFilter(), Telemetry.FILTER_PRIORITY);
        EngineRetries.disable(builder); // wonderful.max-retries counts every request that leaves (issue 11)
        T client = builder.build(api);
        // MicroProfile Rest Client proxies are AutoCloseable: their connections are released with the application.
        if (client instanceof AutoCloseable closeable) {
            created.add(closeable);
        }
        return client;
    }

    /**
     * A client for GET requests whose query string the library encodes itself ({@link EncodedQueryClient}), with
     * the settings and the library's credential as {@link #create(Class, String)} gives {@code api}.
     *
     * @throws WonderfulException {@code CONFIGURATION_ERROR} when an {@code mp-rest} key holds a bad value
     */
    public EncodedQueryClient encodedQueryClient(Class<?> api, String configKey) {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(configKey, "configKey");
        RestClientOptions options = RestClientOptions.read(config, configKey, api);
        long timeout = settings.requestTimeout().toMillis();
        ClientBuilder builder = options.applyTo(ClientBuilder.newBuilder()
                .connectTimeout(options.connectTimeoutMillis(timeout), TimeUnit.MILLISECONDS)
                .readTimeout(options.readTimeoutMillis(timeout), TimeUnit.MILLISECONDS))
                .register(new PathGuard())
                .register(new CredentialFilter(credentials, settings.tenantId()))
                .register(Telemetry.restClientFilter(), Telemetry.FILTER_PRIORITY);
        EngineRetries.disable(builder); // as for the rest clients: every request that leaves is one the policy made
        Client client = builder.build();
        created.add(client::close);
        return new EncodedQueryClient(client, options.baseUri(settings.baseUrl()));
    }

    public void closeAll() {
        for (AutoCloseable client : created) {
            try {
                client.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "closing a rest client failed", e);
            }
        }
        created.clear();
    }
}
