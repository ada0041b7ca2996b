package cx.wonderful.microprofile.internal;

import cx.wonderful.microprofile.WonderfulException;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Configurable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.StreamSupport;
import javax.net.ssl.HostnameVerifier;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.ext.QueryParamStyle;

/**
 * The standard MicroProfile Rest Client keys {@code <configKey>/mp-rest/<name>} of one of the library's rest
 * clients, read and checked, ready to apply to the builder the library builds the client with. The same keys with
 * the interface's fully qualified name in place of the config key also work, as in MicroProfile Rest Client; the
 * config key's form wins.
 *
 * <ul>
 * <li>{@code uri}, {@code url} (uri first): the base URL, instead of {@code wonderful.base-url};</li>
 * <li>{@code connectTimeout}, {@code readTimeout}: milliseconds, instead of {@code wonderful.request-timeout};</li>
 * <li>{@code followRedirects}: {@code true} or {@code false};</li>
 * <li>{@code proxyAddress}: {@code host:port} of an HTTP proxy;</li>
 * <li>{@code queryParamStyle}: {@code MULTI_PAIRS}, {@code COMMA_SEPARATED} or {@code ARRAY_PAIRS};</li>
 * <li>{@code trustStore}, {@code trustStorePassword}, {@code trustStoreType} (default {@code JKS}), and likewise
 * {@code keyStore}, {@code keyStorePassword} (required with a key store), {@code keyStoreType}: a
 * {@code classpath:} resource, a {@code file:} URL or a file path, loaded when the client is built;</li>
 * <li>{@code hostnameVerifier}: a {@link HostnameVerifier} class with a public no-argument constructor;</li>
 * <li>{@code providers}: provider classes, comma-separated, each with an optional
 * {@code providers/<class>/priority}.</li>
 * </ul>
 * Classes are loaded with the application's class loader (the thread's context class loader). {@code scope} is
 * refused: the library builds its clients itself and keeps each for the application's lifetime, so a CDI scope
 * would have no effect. Every problem found is named in one {@code CONFIGURATION_ERROR}; a password's value is
 * never shown.
 */
public final class RestClientOptions {

    /** The config keys of the library's rest clients: their interfaces' {@code @RegisterRestClient(configKey)}. */
    public static final String AUTH = "wonderful-auth";
    public static final String CHAT = "wonderful-chat";
    public static final String COMMUNICATIONS = "wonderful-communications";
    public static final String HEALTH = "wonderful-health";
    /** Every config key of the library's rest clients, checked at startup ({@link #startupProblems(Config)}). */
    public static final List<String> CONFIG_KEYS = List.of(AUTH, CHAT, COMMUNICATIONS, HEALTH);

    /** The names MicroProfile Rest Client defines after {@code <configKey>/mp-rest/} (besides {@code providers/<class>/priority}). */
    public static final List<String> STANDARD_NAMES = List.of("uri", "url", "scope", "providers", "connectTimeout",
            "readTimeout", "followRedirects", "proxyAddress", "queryParamStyle", "hostnameVerifier", "trustStore",
            "trustStorePassword", "trustStoreType", "keyStore", "keyStorePassword", "keyStoreType");

    static final String DEFAULT_STORE_TYPE = "JKS";
    /** RESTEasy's and Jersey's names for a proxy and for following redirects on a Jakarta REST client builder. */
    static final String RESTEASY_PROXY_HOST = "org.jboss.resteasy.jaxrs.client.proxy.host";
    static final String RESTEASY_PROXY_PORT = "org.jboss.resteasy.jaxrs.client.proxy.port";
    static final String RESTEASY_FOLLOW_REDIRECTS = "dev.resteasy.client.follow.redirects";
    static final String JERSEY_PROXY_URI = "jersey.config.client.proxy.uri";
    static final String JERSEY_FOLLOW_REDIRECTS = "jersey.config.client.followRedirects";

    private final Config config;
    private final String configKey;
    private final Optional<String> apiName;
    private final ClassLoader loader;
    private final List<String> problems = new ArrayList<>();

    private final Optional<URI> baseUri;
    private final OptionalLong connectTimeout;
    private final OptionalLong readTimeout;
    private final Optional<Boolean> followRedirects;
    private final Optional<Proxy> proxy;
    private final Optional<QueryParamStyle> queryParamStyle;
    private final Optional<KeyStore> trustStore;
    private final Optional<KeyStore> keyStore;
    private final Optional<String> keyStorePassword;
    private final Optional<HostnameVerifier> hostnameVerifier;
    private final Map<Class<?>, OptionalInt> providers;

    /** An HTTP proxy's address. */
    record Proxy(String host, int port) {
    }

    private RestClientOptions(Config config, String configKey, Optional<String> apiName, ClassLoader loader) {
        this.config = config;
        this.configKey = configKey;
        this.apiName = apiName;
        this.loader = loader;
        value("scope").ifPresent(scope -> problems.add(key("scope") + " is not supported for the library's rest clients:"
                + " the library builds each itself and keeps it for the application's lifetime; remove the key"));
        this.baseUri = baseUri();
        this.connectTimeout = millis("connectTimeout");
        this.readTimeout = millis("readTimeout");
        this.followRedirects = followRedirects();
        this.proxy = proxy();
        this.queryParamStyle = queryParamStyle();
        this.trustStore = store("trustStore");
        this.keyStorePassword = value("keyStorePassword");
        this.keyStore = store("keyStore");
        if (keyStore.isPresent() && keyStorePassword.isEmpty()) {
            problems.add(key("keyStorePassword") + " is required with " + key("keyStore") + " (the password of its key)");
        }
        this.hostnameVerifier = hostnameVerifier();
        this.providers = providers();
    }

    /**
     * The options of the client of {@code api} under {@code configKey}, with the classes loaded by the application's
     * class loader (the thread's context class loader, else the interface's).
     *
     * @throws WonderfulException {@code CONFIGURATION_ERROR} naming every key at fault (never a password)
     */
    public static RestClientOptions read(Config config, String configKey, Class<?> api) {
        Objects.requireNonNull(api, "api");
        RestClientOptions options = new RestClientOptions(Objects.requireNonNull(config, "config"),
                Objects.requireNonNull(configKey, "configKey"), Optional.of(api.getName()), loader(api.getClassLoader()));
        if (!options.problems.isEmpty()) {
            throw WonderfulSettings.configurationError(options.problems);
        }
        return options;
    }

    /**
     * What is wrong with the {@code mp-rest} keys of the library's clients ({@link #CONFIG_KEYS}, by config key), for
     * the check when the application starts; empty when nothing is.
     */
    public static List<String> startupProblems(Config config) {
        List<String> problems = new ArrayList<>();
        for (String configKey : CONFIG_KEYS) {
            problems.addAll(new RestClientOptions(config, configKey, Optional.empty(),
                    loader(RestClientOptions.class.getClassLoader())).problems);
        }
        return List.copyOf(problems);
    }

    private static ClassLoader loader(ClassLoader fallback) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : fallback;
    }

    /** The base URL of {@code uri} (else {@code url}), else {@code fallback}. */
    public URI baseUri(URI fallback) {
        return baseUri.orElse(fallback);
    }

    /** {@code connectTimeout} in milliseconds, else {@code fallback}. */
    public long connectTimeoutMillis(long fallback) {
        return connectTimeout.orElse(fallback);
    }

    /** {@code readTimeout} in milliseconds, else {@code fallback}. */
    public long readTimeoutMillis(long fallback) {
        return readTimeout.orElse(fallback);
    }

    /** Applies every key but the base URL and the timeouts (which the caller sets with its fallbacks). */
    public RestClientBuilder applyTo(RestClientBuilder builder) {
        followRedirects.ifPresent(builder::followRedirects);
        proxy.ifPresent(p -> builder.proxyAddress(p.host(), p.port()));
        queryParamStyle.ifPresent(builder::queryParamStyle);
        trustStore.ifPresent(builder::trustStore);
        keyStore.ifPresent(store -> builder.keyStore(store, keyStorePassword.orElseThrow()));
        hostnameVerifier.ifPresent(builder::hostnameVerifier);
        registerProviders(builder);
        return builder;
    }

    /**
     * Applies the same keys to a Jakarta REST client builder (the library's {@link EncodedQueryClient}). Jakarta REST
     * has no standard switch for a proxy or redirects: those go as RESTEasy's and Jersey's own properties (each
     * implementation ignores the other's). {@code queryParamStyle} changes nothing there: that client's query is
     * written by the library, one value per parameter.
     */
    public ClientBuilder applyTo(ClientBuilder builder) {
        followRedirects.ifPresent(follow -> builder.property(RESTEASY_FOLLOW_REDIRECTS, follow)
                .property(JERSEY_FOLLOW_REDIRECTS, follow));
        proxy.ifPresent(p -> builder.property(RESTEASY_PROXY_HOST, p.host()).property(RESTEASY_PROXY_PORT, p.port())
                .property(JERSEY_PROXY_URI, "http://" + (p.host().contains(":") ? "[" + p.host() + "]" : p.host()) + ":" + p.port()));
        trustStore.ifPresent(builder::trustStore);
        keyStore.ifPresent(store -> builder.keyStore(store, keyStorePassword.orElseThrow().toCharArray()));
        hostnameVerifier.ifPresent(builder::hostnameVerifier);
        registerProviders(builder);
        return builder;
    }

    /** The {@code providers}, on either kind of builder (both are {@link Configurable}). */
    private void registerProviders(Configurable<?> builder) {
        providers.forEach((type, priority) -> {
            if (priority.isPresent()) {
                builder.register(type, priority.getAsInt());
            } else {
                builder.register(type);
            }
        });
    }

    private String key(String name) {
        return configKey + "/mp-rest/" + name;
    }

    /** The value of {@code <configKey>/mp-rest/<name>}, else of {@code <interface>/mp-rest/<name>}. */
    private Optional<String> value(String name) {
        return text(key(name)).or(() -> apiName.flatMap(api -> text(api + "/mp-rest/" + name)));
    }

    private Optional<String> text(String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(s -> !s.isEmpty());
    }

    private Optional<URI> baseUri() {
        Optional<String> raw = value("uri").or(() -> value("url"));
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(raw.get());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(raw.get(), "not an absolute URL with a host");
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            problems.add(key("uri") + " is not an absolute URL: " + Redaction.scrub(raw.get()));
            return Optional.empty();
        }
    }

    private OptionalLong millis(String name) {
        Optional<String> raw = value(name);
        if (raw.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long value = Long.parseLong(raw.get());
            if (value > 0) {
                return OptionalLong.of(value);
            }
        } catch (NumberFormatException e) {
            // reported below, as a value out of range is
        }
        problems.add(key(name) + " must be a positive number of milliseconds: " + raw.get());
        return OptionalLong.empty();
    }

    private Optional<Boolean> followRedirects() {
        Optional<String> raw = value("followRedirects").map(s -> s.toLowerCase(Locale.ROOT));
        if (raw.isPresent() && !raw.get().equals("true") && !raw.get().equals("false")) {
            problems.add(key("followRedirects") + " must be true or false: " + raw.get());
            return Optional.empty();
        }
        return raw.map(Boolean::parseBoolean);
    }

    private Optional<Proxy> proxy() {
        Optional<String> raw = value("proxyAddress");
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        String address = raw.get();
        if (address.contains("@") || address.contains("/")) {
            problems.add(key("proxyAddress") + " must be host:port, without a scheme or user information; its value is not shown");
            return Optional.empty();
        }
        int colon = address.lastIndexOf(':');
        String host = colon > 0 ? address.substring(0, colon) : "";
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int port = Integer.parseInt(address.substring(colon + 1));
            if (!host.isEmpty() && port > 0 && port <= 65535) {
                return Optional.of(new Proxy(host, port));
            }
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            // reported below
        }
        problems.add(key("proxyAddress") + " must be host:port with a port from 1 to 65535: " + address);
        return Optional.empty();
    }

    private Optional<QueryParamStyle> queryParamStyle() {
        Optional<String> raw = value("queryParamStyle");
        try {
            return raw.map(s -> QueryParamStyle.valueOf(s.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            problems.add(key("queryParamStyle") + " must be one of " + Arrays.toString(QueryParamStyle.values()) + ": " + raw.get());
            return Optional.empty();
        }
    }

    /** {@code trustStore} or {@code keyStore} with its password and type, loaded. */
    private Optional<KeyStore> store(String kind) {
        Optional<String> location = value(kind);
        Optional<String> password = value(kind + "Password");
        Optional<String> type = value(kind + "Type");
        if (location.isEmpty()) {
            if (password.isPresent() || type.isPresent()) {
                problems.add((password.isPresent() ? key(kind + "Password") : key(kind + "Type")) + " is set but "
                        + key(kind) + " is not");
            }
            return Optional.empty();
        }
        String storeType = type.orElse(DEFAULT_STORE_TYPE);
        KeyStore store;
        try {
            store = KeyStore.getInstance(storeType);
        } catch (GeneralSecurityException e) {
            problems.add(key(kind + "Type") + " is not a key store type of this JVM: " + storeType);
            return Optional.empty();
        }
        try (InputStream in = open(location.get())) {
            store.load(in, password.map(String::toCharArray).orElse(null));
            return Optional.of(store);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            problems.add(key(kind) + ": could not load " + Redaction.scrub(location.get()) + " as " + storeType + " ("
                    + e.getClass().getSimpleName() + ": " + Redaction.scrub(String.valueOf(e.getMessage()),
                            password.map(List::of).orElse(List.of())) + ")");
            return Optional.empty();
        }
    }

    /** A {@code classpath:} resource (from the application's class loader), a {@code file:} URL or a file path. */
    private InputStream open(String location) throws IOException {
        if (location.startsWith("classpath:")) {
            String resource = location.substring("classpath:".length()).replaceFirst("^/+", "");
            InputStream in = loader.getResourceAsStream(resource);
            if (in == null) {
                throw new FileNotFoundException("no such class-path resource");
            }
            return in;
        }
        Path path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
        return Files.newInputStream(path);
    }

    private Optional<HostnameVerifier> hostnameVerifier() {
        Optional<String> name = value("hostnameVerifier");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<Class<?>> type = load(key("hostnameVerifier"), name.get());
        if (type.isEmpty()) {
            return Optional.empty();
        }
        if (!HostnameVerifier.class.isAssignableFrom(type.get())) {
            problems.add(key("hostnameVerifier") + ": " + name.get() + " is not a javax.net.ssl.HostnameVerifier");
            return Optional.empty();
        }
        try {
            return Optional.of((HostnameVerifier) type.get().getConstructor().newInstance());
        } catch (ReflectiveOperationException | RuntimeException e) {
            problems.add(key("hostnameVerifier") + ": " + name.get() + " could not be created with a public"
                    + " no-argument constructor (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
    }

    /** The provider classes of {@code providers}, each with its {@code providers/<class>/priority} if set. */
    private Map<Class<?>, OptionalInt> providers() {
        List<String> names = value("providers").stream().flatMap(list -> Arrays.stream(list.split(",")))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        Map<Class<?>, OptionalInt> found = new LinkedHashMap<>();
        for (String name : names) {
            load(key("providers"), name).ifPresent(type -> found.put(type, priority(name)));
        }
        for (String named : prioritisedNames()) {
            if (!names.contains(named)) {
                problems.add(key("providers/" + named + "/priority") + " names a class that " + key("providers")
                        + " does not list");
            }
        }
        return found;
    }

    private OptionalInt priority(String providerName) {
        Optional<String> raw = value("providers/" + providerName + "/priority");
        if (raw.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(raw.get()));
        } catch (NumberFormatException e) {
            problems.add(key("providers/" + providerName + "/priority") + " must be a whole number: " + raw.get());
            return OptionalInt.empty();
        }
    }

    /** The classes named by a {@code providers/<class>/priority} key of this client, either form. */
    private List<String> prioritisedNames() {
        List<String> prefixes = new ArrayList<>(List.of(key("providers/")));
        apiName.ifPresent(api -> prefixes.add(api + "/mp-rest/providers/"));
        return StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .flatMap(name -> prefixes.stream().filter(name::startsWith).map(p -> name.substring(p.length())))
                .filter(rest -> rest.endsWith("/priority"))
                .map(rest -> rest.substring(0, rest.length() - "/priority".length()))
                .distinct().toList();
    }

    private Optional<Class<?>> load(String key, String className) {
        try {
            return Optional.of(Class.forName(className, false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            problems.add(key + ": class " + className + " not found by the application's class loader");
            return Optional.empty();
        }
    }
}
