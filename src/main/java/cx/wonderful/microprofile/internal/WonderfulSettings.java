package cx.wonderful.microprofile.internal;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulConfig;
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
 * The library's settings, read once from MicroProfile Config (the keys and defaults of the {@link Setting} table)
 * and checked: a missing or malformed base URL, a base URL with user information ({@code user:password@}), more
 * than one credential, a bearer credential over plain {@code http://} (any case) to a host that is not loopback, a
 * control character in the tenant id or in a secret (or whitespace in a secret), or a workspace or agent id
 * outside the path-id rule ({@link PathIds}) is a {@code CONFIGURATION_ERROR} naming the key, never showing a
 * secret or a URL's user information. Every key is checked before one error names all the problems found, so
 * that a configuration is fixed in one go. Secrets are held here but never shown by {@link #toString()}.
 */
public final class WonderfulSettings {

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
    private final Duration refreshTimeout;
    private final Duration endUserTokenLifetime;
    private final int endUserCacheSize;
    private final Duration endUserCacheIdle;
    private final Duration wsPingInterval;
    private final Duration wsPongTimeout;
    private final int wsMaxReconnectAttempts;
    private final Duration chatStartTimeout;
    /** What is wrong, in the order the keys are read; the constructor throws once all keys are read. */
    private final List<String> problems = new ArrayList<>();

    private WonderfulSettings(Config config) {
        this.baseUrl = baseUrl(config);
        this.apiKey = secret(config, Setting.API_KEY.key());
        Optional<String> signedToken = secret(config, Setting.SIGNED_TOKEN.key());
        Optional<String> token = secret(config, Setting.TOKEN.key());
        if (signedToken.isPresent() && token.isPresent()) {
            problems.add("configure at most one of " + Setting.SIGNED_TOKEN.key() + " and " + Setting.TOKEN.key());
        }
        // A token, where configured, authenticates the calls; an API key beside it is kept for signing only.
        this.configuredCredential = signedToken.map(s -> new Credential(CredentialKind.SIGNED_TOKEN, s))
                .or(() -> token.map(t -> new Credential(CredentialKind.TOKEN, t)))
                .or(() -> apiKey.map(k -> new Credential(CredentialKind.API_KEY, k)));
        if ((signedToken.isPresent() || token.isPresent()) && baseUrl != null) {
            try {
                requireSafeForBearer(baseUrl);
            } catch (WonderfulException e) {
                problems.add(e.getMessage());
            }
        }
        this.tenantId = rawHasControl(config, Setting.TENANT_ID.key()) ? Optional.empty() : text(config, Setting.TENANT_ID.key());
        this.workspaceId = pathId(config, Setting.WORKSPACE_ID.key());
        this.agentId = pathId(config, Setting.AGENT_ID.key());
        this.requestTimeout = positive(config, Setting.REQUEST_TIMEOUT);
        this.maxRetries = nonNegative(config, Setting.MAX_RETRIES);
        this.retryDelay = duration(config, Setting.RETRY_DELAY);
        this.refreshSkew = duration(config, Setting.REFRESH_SKEW);
        this.refreshCooldown = duration(config, Setting.REFRESH_COOLDOWN);
        this.refreshTimeout = positive(config, Setting.REFRESH_TIMEOUT);
        Duration lifetime = positive(config, Setting.END_USER_TOKEN_LIFETIME);
        this.endUserTokenLifetime = lifetime.compareTo(Duration.ofSeconds(60)) < 0 || lifetime.compareTo(Duration.ofHours(24)) > 0
                ? problem(Setting.END_USER_TOKEN_LIFETIME.key() + " must be from 60s to 24h (the sign endpoint's range)",
                        Setting.END_USER_TOKEN_LIFETIME.defaultDuration())
                : lifetime;
        int cacheSize = nonNegative(config, Setting.END_USER_CACHE_SIZE);
        this.endUserCacheSize = cacheSize < 1
                ? problem(Setting.END_USER_CACHE_SIZE.key() + " must be at least 1", Setting.END_USER_CACHE_SIZE.defaultNumber()) : cacheSize;
        this.endUserCacheIdle = positive(config, Setting.END_USER_CACHE_IDLE);
        this.wsPingInterval = positive(config, Setting.WS_PING_INTERVAL);
        this.wsPongTimeout = positive(config, Setting.WS_PONG_TIMEOUT);
        this.wsMaxReconnectAttempts = nonNegative(config, Setting.WS_MAX_RECONNECT_ATTEMPTS);
        this.chatStartTimeout = positive(config, Setting.CHAT_START_TIMEOUT);
        // Read where they act (the readiness check, ConfigCheckExtension); checked here with the rest.
        flag(config, Setting.HEALTH_ENABLED);
        flag(config, Setting.CONFIG_FAIL_ON_ERROR);
        if (!problems.isEmpty()) {
            throw configurationError(problems);
        }
    }

    /**
     * One {@code CONFIGURATION_ERROR} naming every problem found: a single one as it is, several counted and joined,
     * so that a configuration is fixed in one go.
     *
     * @throws IllegalArgumentException when {@code problems} is empty
     */
    static WonderfulException configurationError(List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no configuration problem to report");
        }
        return configError(problems.size() == 1 ? problems.get(0)
                : problems.size() + " configuration problems: " + String.join("; ", problems));
    }

    /**
     * Reads and checks the settings.
     *
     * @throws WonderfulException {@code CONFIGURATION_ERROR} naming every key at fault (never its value when secret)
     */
    public static WonderfulSettings from(Config config) {
        return new WonderfulSettings(config);
    }

    /** Checks that a bearer credential would not travel in clear text to another machine. */
    public static void requireSafeForBearer(URI baseUrl) {
        if ("http".equalsIgnoreCase(baseUrl.getScheme()) && !isLoopback(baseUrl.getHost())) {
            throw configError("a token must not be sent over plain http:// to " + baseUrl.getHost()
                    + "; use https:// (" + Setting.BASE_URL.key() + ")");
        }
    }

    /** The base URL, or null (and a problem recorded) when it is missing or unusable. */
    private URI baseUrl(Config config) {
        Optional<String> configured = text(config, Setting.BASE_URL.key());
        if (configured.isEmpty()) {
            return problem(Setting.BASE_URL.key() + " is required (environment variable " + Setting.BASE_URL.envName() + ")", null);
        }
        String raw = configured.get();
        String shown = Redaction.scrub(raw);
        if (raw.chars().anyMatch(c -> c <= ' ' || c == 127)) {
            return problem(Setting.BASE_URL.key() + " must not contain whitespace or control characters", null);
        }
        URI uri;
        try {
            uri = new URI(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
        } catch (URISyntaxException e) {
            return problem(Setting.BASE_URL.key() + " is not a URL: " + shown, null);
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
            // Credentials travel in their own keys; user information in a URL ends up in logs and error messages.
            return problem(Setting.BASE_URL.key() + " must not carry user information (user:password@); configure the"
                    + " credential with " + Setting.API_KEY.key() + ", " + Setting.SIGNED_TOKEN.key() + " or " + Setting.TOKEN.key(), null);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return problem(Setting.BASE_URL.key() + " must be an absolute http:// or https:// URL with a host: " + shown, null);
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            return problem(Setting.BASE_URL.key() + " must not have a query or a fragment: " + shown, null);
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

    private Optional<String> secret(Config config, String key) {
        if (rawHasControl(config, key)) {
            return Optional.empty();
        }
        Optional<String> value = text(config, key);
        if (value.isPresent() && value.get().chars().anyMatch(c -> c <= ' ' || c == 127 || c >= 0x80 && c <= 0x9f)) {
            return problem(key + " must not contain whitespace or control characters (a line break copied with the"
                    + " value, for example); its value is not shown", Optional.empty());
        }
        return value;
    }

    /** A control character anywhere in the value as configured, before any trimming: CR/LF would split a header. */
    private boolean rawHasControl(Config config, String key) {
        Optional<String> raw = config.getOptionalValue(key, String.class);
        if (raw.isPresent() && raw.get().chars().anyMatch(Character::isISOControl)) {
            return problem(key + " must not contain control characters such as CR or LF; its value is not shown", true);
        }
        return false;
    }

    private Optional<String> pathId(Config config, String key) {
        Optional<String> value = text(config, key);
        if (value.isPresent() && !PathIds.isValid(value.get())) {
            return problem(key + " must be 1 to " + WireContract.PATH_ID_MAX_LENGTH
                    + " letters, digits and - _ . ~ (not only dots): it goes into URL paths", Optional.empty());
        }
        return value;
    }

    private Duration duration(Config config, Setting setting) {
        String key = setting.key();
        Duration fallback = setting.defaultDuration();
        Optional<String> raw = text(config, key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return Durations.parse(raw.get());
        } catch (IllegalArgumentException e) {
            return problem(key + ": " + e.getMessage(), fallback);
        }
    }

    private Duration positive(Config config, Setting setting) {
        Duration value = duration(config, setting);
        if (value.isZero()) {
            return problem(setting.key() + " must be greater than zero", setting.defaultDuration());
        }
        return value;
    }

    private int nonNegative(Config config, Setting setting) {
        String key = setting.key();
        int fallback = setting.defaultNumber();
        Optional<String> raw = text(config, key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < 0) {
                return problem(key + " must not be negative: " + value, fallback);
            }
            return value;
        } catch (NumberFormatException e) {
            return problem(key + " must be a whole number: " + raw.get(), fallback);
        }
    }

    /** MicroProfile Config's boolean words; anything else is a problem rather than a silent {@code false}. */
    private boolean flag(Config config, Setting setting) {
        String key = setting.key();
        String raw = text(config, key).orElse(setting.defaultValue().orElseThrow()).toLowerCase(Locale.ROOT);
        return switch (raw) {
            case "true", "1", "yes", "y", "on" -> true;
            case "false", "0", "no", "n", "off" -> false;
            default -> problem(key + " must be true or false: " + raw, false);
        };
    }

    /** Records a problem and carries on with {@code fallback}, so that the next keys are checked too. */
    private <T> T problem(String message, T fallback) {
        problems.add(message);
        return fallback;
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

    /** The view of these settings for the application, with {@code current} as the current credential, if any. */
    public WonderfulConfig view(Optional<Credential> current) {
        return new WonderfulConfig(baseUrl, current.map(c -> switch (c.kind()) {
            case API_KEY -> WonderfulConfig.CredentialType.API_KEY;
            case SIGNED_TOKEN -> WonderfulConfig.CredentialType.SIGNED_TOKEN;
            case TOKEN -> WonderfulConfig.CredentialType.TOKEN;
        }), current.map(c -> Credential.mask(c.secret())), apiKey.map(Credential::mask), tenantId, workspaceId, agentId,
                requestTimeout, maxRetries, retryDelay, refreshSkew, refreshCooldown);
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

    public Duration refreshTimeout() {
        return refreshTimeout;
    }

    public Duration endUserTokenLifetime() {
        return endUserTokenLifetime;
    }

    public int endUserCacheSize() {
        return endUserCacheSize;
    }

    public Duration endUserCacheIdle() {
        return endUserCacheIdle;
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

    /** The overall deadline of a chat start or recover. */
    public Duration chatStartTimeout() {
        return chatStartTimeout;
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
                + ", refreshSkew=" + refreshSkew + ", refreshCooldown=" + refreshCooldown + ", refreshTimeout=" + refreshTimeout
                + ", endUserTokenLifetime=" + endUserTokenLifetime + ", endUserCacheSize=" + endUserCacheSize
                + ", endUserCacheIdle=" + endUserCacheIdle + ", wsPingInterval=" + wsPingInterval
                + ", wsMaxReconnectAttempts=" + wsMaxReconnectAttempts + ", chatStartTimeout=" + chatStartTimeout + "]";
    }
}
