package cx.wonderful.microprofile.internal;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The library's settings, read once from MicroProfile Config ({@link ConfigKeys}) and checked: a missing or
 * malformed base URL, a base URL with user information ({@code user:password@}), more than one credential, a
 * bearer credential over plain {@code http://} (any case) to a host that is not loopback, a control character in
 * the tenant id or in a secret (or whitespace in a secret), or a workspace or agent id outside the path-id rule
 * ({@link PathIds}) is a {@code CONFIGURATION_ERROR} naming the key, never showing a secret or a URL's user
 * information. Secrets are held here but never shown by {@link #toString()}.
 */
public final class WonderfulSettings {

    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final int DEFAULT_MAX_RETRIES = 3;
    static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(1);
    static final Duration DEFAULT_REFRESH_SKEW = Duration.ofSeconds(30);
    static final Duration DEFAULT_REFRESH_COOLDOWN = Duration.ofSeconds(5);
    static final Duration DEFAULT_WS_PING_INTERVAL = Duration.ofSeconds(30);
    static final Duration DEFAULT_WS_PONG_TIMEOUT = Duration.ofSeconds(10);
    static final int DEFAULT_WS_MAX_RECONNECT_ATTEMPTS = 5;

    private final URI baseUrl;
    private final Optional<Credential> configuredCredential;
    private final Optional<String> apiKey;
    private final Optional<String> tenantId;
    private final Optional<String> workspaceId;
    private final Optional<String> agentId;
    private final Duration requestTimeout;
    private final int maxRetries;
    private final Duration retryDelay;
    private final Duration refreshSkew;
    private final Duration refreshCooldown;
    private final Duration wsPingInterval;
    private final Duration wsPongTimeout;
    private final int wsMaxReconnectAttempts;
    private final boolean healthEnabled;

    private WonderfulSettings(Config config) {
        this.baseUrl = baseUrl(config);
        this.apiKey = secret(config, ConfigKeys.API_KEY);
        Optional<String> signedToken = secret(config, ConfigKeys.SIGNED_TOKEN);
        Optional<String> token = secret(config, ConfigKeys.TOKEN);
        if (signedToken.isPresent() && token.isPresent()) {
            throw configError("configure at most one of " + ConfigKeys.SIGNED_TOKEN + " and " + ConfigKeys.TOKEN);
        }
        // A token, where configured, authenticates the calls; an API key beside it is kept for signing only.
        this.configuredCredential = signedToken.map(s -> new Credential(CredentialKind.SIGNED_TOKEN, s))
                .or(() -> token.map(t -> new Credential(CredentialKind.TOKEN, t)))
                .or(() -> apiKey.map(k -> new Credential(CredentialKind.API_KEY, k)));
        if (signedToken.isPresent() || token.isPresent()) {
            requireSafeForBearer(baseUrl);
        }
        this.tenantId = text(config, ConfigKeys.TENANT_ID);
        rawHasControl(config, ConfigKeys.TENANT_ID);
        this.workspaceId = pathId(config, ConfigKeys.WORKSPACE_ID);
        this.agentId = pathId(config, ConfigKeys.AGENT_ID);
        this.requestTimeout = positive(config, ConfigKeys.REQUEST_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
        this.maxRetries = nonNegative(config, ConfigKeys.MAX_RETRIES, DEFAULT_MAX_RETRIES);
        this.retryDelay = duration(config, ConfigKeys.RETRY_DELAY, DEFAULT_RETRY_DELAY);
        this.refreshSkew = duration(config, ConfigKeys.REFRESH_SKEW, DEFAULT_REFRESH_SKEW);
        this.refreshCooldown = duration(config, ConfigKeys.REFRESH_COOLDOWN, DEFAULT_REFRESH_COOLDOWN);
        this.wsPingInterval = positive(config, ConfigKeys.WS_PING_INTERVAL, DEFAULT_WS_PING_INTERVAL);
        this.wsPongTimeout = positive(config, ConfigKeys.WS_PONG_TIMEOUT, DEFAULT_WS_PONG_TIMEOUT);
        this.wsMaxReconnectAttempts = nonNegative(config, ConfigKeys.WS_MAX_RECONNECT_ATTEMPTS, DEFAULT_WS_MAX_RECONNECT_ATTEMPTS);
        this.healthEnabled = config.getOptionalValue(ConfigKeys.HEALTH_ENABLED, Boolean.class).orElse(false);
    }

    /**
     * Reads and checks the settings.
     *
     * @throws WonderfulException {@code CONFIGURATION_ERROR} naming the key at fault (never its value when secret)
     */
    public static WonderfulSettings from(Config config) {
        return new WonderfulSettings(config);
    }

    /** Checks that a bearer credential would not travel in clear text to another machine. */
    public static void requireSafeForBearer(URI baseUrl) {
        if ("http".equalsIgnoreCase(baseUrl.getScheme()) && !isLoopback(baseUrl.getHost())) {
            throw configError("a token must not be sent over plain http:// to " + baseUrl.getHost()
                    + "; use https:// (" + ConfigKeys.BASE_URL + ")");
        }
    }

    private static URI baseUrl(Config config) {
        String raw = text(config, ConfigKeys.BASE_URL)
                .orElseThrow(() -> configError(ConfigKeys.BASE_URL + " is required (environment variable WONDERFUL_BASE_URL)"));
        String shown = Redaction.scrub(raw);
        if (raw.chars().anyMatch(c -> c <= ' ' || c == 127)) {
            throw configError(ConfigKeys.BASE_URL + " must not contain whitespace or control characters");
        }
        URI uri;
        try {
            uri = new URI(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
        } catch (URISyntaxException e) {
            throw configError(ConfigKeys.BASE_URL + " is not a URL: " + shown);
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
            // Credentials travel in their own keys; user information in a URL ends up in logs and error messages.
            throw configError(ConfigKeys.BASE_URL + " must not carry user information (user:password@); configure the"
                    + " credential with " + ConfigKeys.API_KEY + ", " + ConfigKeys.SIGNED_TOKEN + " or " + ConfigKeys.TOKEN);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw configError(ConfigKeys.BASE_URL + " must be an absolute http:// or https:// URL with a host: " + shown);
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw configError(ConfigKeys.BASE_URL + " must not have a query or a fragment: " + shown);
        }
        // The scheme in lower case, so that every later check and the WebSocket URL see one spelling.
        return URI.create(scheme + uri.toString().substring(uri.getScheme().length()));
    }

    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // a name other than localhost: do not resolve it just to decide
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static Optional<String> text(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static Optional<String> secret(Config config, String key) {
        rawHasControl(config, key);
        Optional<String> value = text(config, key);
        if (value.isPresent() && value.get().chars().anyMatch(c -> c <= ' ' || c == 127 || c >= 0x80 && c <= 0x9f)) {
            throw configError(key + " must not contain whitespace or control characters (a line break copied with the"
                    + " value, for example); its value is not shown");
        }
        return value;
    }

    /** A control character anywhere in the value as configured, before any trimming: CR/LF would split a header. */
    private static void rawHasControl(Config config, String key) {
        Optional<String> raw = config.getOptionalValue(key, String.class);
        if (raw.isPresent() && raw.get().chars().anyMatch(Character::isISOControl)) {
            throw configError(key + " must not contain control characters such as CR or LF; its value is not shown");
        }
    }

    private static Optional<String> pathId(Config config, String key) {
        Optional<String> value = text(config, key);
        if (value.isPresent() && !PathIds.isValid(value.get())) {
            throw configError(key + " must be 1 to " + WireContract.PATH_ID_MAX_LENGTH
                    + " letters, digits and - _ . ~ (not only dots): it goes into URL paths");
        }
        return value;
    }

    private static Duration duration(Config config, String key, Duration fallback) {
        Optional<String> raw = text(config, key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return Durations.parse(raw.get());
        } catch (IllegalArgumentException e) {
            throw new WonderfulException(ErrorCode.CONFIGURATION_ERROR, key + ": " + e.getMessage(), e);
        }
    }

    private static Duration positive(Config config, String key, Duration fallback) {
        Duration value = duration(config, key, fallback);
        if (value.isZero()) {
            throw configError(key + " must be greater than zero");
        }
        return value;
    }

    private static int nonNegative(Config config, String key, int fallback) {
        Optional<String> raw = text(config, key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < 0) {
                throw configError(key + " must not be negative: " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new WonderfulException(ErrorCode.CONFIGURATION_ERROR, key + " must be a whole number: " + raw.get(), e);
        }
    }

    private static WonderfulException configError(String message) {
        return new WonderfulException(ErrorCode.CONFIGURATION_ERROR, message);
    }

    /** Every secret configured (the API key and the configured token), for masking them in text a server echoes. */
    public List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        apiKey.ifPresent(secrets::add);
        configuredCredential.map(Credential::secret).filter(s -> !secrets.contains(s)).ifPresent(secrets::add);
        return List.copyOf(secrets);
    }

    /** The base URL, without a trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The credential configured for the library's calls: a token where one is configured, else the API key. */
    public Optional<Credential> configuredCredential() {
        return configuredCredential;
    }

    /** The API key, which signs JWTs; present even where a token authenticates the other calls. */
    public Optional<String> apiKey() {
        return apiKey;
    }

    public Optional<String> tenantId() {
        return tenantId;
    }

    public Optional<String> workspaceId() {
        return workspaceId;
    }

    public Optional<String> agentId() {
        return agentId;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public int maxRetries() {
        return maxRetries;
    }

    public Duration retryDelay() {
        return retryDelay;
    }

    public Duration refreshSkew() {
        return refreshSkew;
    }

    public Duration refreshCooldown() {
        return refreshCooldown;
    }

    public Duration wsPingInterval() {
        return wsPingInterval;
    }

    public Duration wsPongTimeout() {
        return wsPongTimeout;
    }

    public int wsMaxReconnectAttempts() {
        return wsMaxReconnectAttempts;
    }

    public boolean healthEnabled() {
        return healthEnabled;
    }

    /** The WebSocket form of the base URL: {@code ws://} for {@code http://}, {@code wss://} for {@code https://}. */
    public URI webSocketBaseUrl() {
        return URI.create(baseUrl.toString().replaceFirst("^http", "ws"));
    }

    @Override
    public String toString() {
        return "WonderfulSettings[baseUrl=" + baseUrl
                + ", credential=" + configuredCredential.map(Credential::masked).orElse("none")
                + ", apiKey=" + apiKey.map(Credential::mask).orElse("none")
                + ", tenantId=" + tenantId.orElse("none")
                + ", workspaceId=" + workspaceId.orElse("none")
                + ", agentId=" + agentId.orElse("none")
                + ", requestTimeout=" + requestTimeout + ", maxRetries=" + maxRetries + ", retryDelay=" + retryDelay
                + ", refreshSkew=" + refreshSkew + ", refreshCooldown=" + refreshCooldown + ", wsPingInterval=" + wsPingInterval
                + ", wsMaxReconnectAttempts=" + wsMaxReconnectAttempts + "]";
    }
}
