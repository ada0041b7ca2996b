package cx.wonderful.microprofile.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Every MicroProfile Config key of the library, with its default and its environment-variable name: the one place
 * they are written. {@link WonderfulSettings} reads its defaults here, {@link ConfigDiagnostics} knows the keys
 * from here, and README's configuration table is checked against this table by a test.
 *
 * <p>MicroProfile Config finds each key also as an environment variable: the key itself, then with every
 * non-alphanumeric character replaced by {@code _}, then that in upper case ({@link #envName()};
 * {@code wonderful.base-url} is {@code WONDERFUL_BASE_URL}). Durations are written {@code 500ms}, {@code 30s},
 * {@code 5m}, {@code 1h}, as ISO-8601 ({@code PT30S}) or as a plain number of milliseconds ({@link Durations}).
 */
public enum Setting {

    BASE_URL("wonderful.base-url", Default.REQUIRED, "the API's base URL, for example https://acme.api.wonderful.ai"),
    API_KEY("wonderful.api-key", Default.NONE, "an API key (server side only): signs JWTs, and authenticates calls when no token is configured"),
    SIGNED_TOKEN("wonderful.signed-token", Default.NONE, "a JWT signed by the application's backend (auth.sign)"),
    TOKEN("wonderful.token", Default.NONE, "a Wonderful token from a Cognito or SSO flow"),
    TENANT_ID("wonderful.tenant-id", Default.NONE, "sent as X-Tenant-ID when set"),
    WORKSPACE_ID("wonderful.workspace-id", Default.NONE, "the workspace of the Chat V3 endpoints (required for chat)"),
    AGENT_ID("wonderful.agent-id", Default.NONE, "the agent a chat is started with when the request names none"),
    REQUEST_TIMEOUT("wonderful.request-timeout", "30s", "connect and read timeout of one HTTP request"),
    MAX_RETRIES("wonderful.max-retries", "3", "retries of one call, as the retry policy allows"),
    RETRY_DELAY("wonderful.retry-delay", "1s", "first retry delay, doubled on each retry, with jitter; also the reconnect backoff base"),
    REFRESH_SKEW("wonderful.refresh-skew", "30s", "how long before its exp a token is refreshed proactively"),
    REFRESH_COOLDOWN("wonderful.refresh-cooldown", "5s", "how long to wait before trying again after a failed refresh"),
    REFRESH_TIMEOUT("wonderful.refresh-timeout", "10s", "how long a caller waits for a token refresher before TOKEN_REFRESH_FAILED"),
    END_USER_TOKEN_LIFETIME("wonderful.end-user.token-lifetime", "1h", "lifetime (60 s to 24 h) of the JWTs the library signs for end users"),
    END_USER_CACHE_SIZE("wonderful.end-user.cache-size", "10000", "at most this many end users' tokens are kept; the least recently used goes first"),
    END_USER_CACHE_IDLE("wonderful.end-user.cache-idle", "1h", "an end user's token not used for this long is dropped from the cache"),
    WS_PING_INTERVAL("wonderful.ws.ping-interval", "30s", "interval of the keep-alive ping on the chat WebSocket"),
    WS_PONG_TIMEOUT("wonderful.ws.pong-timeout", "10s", "a WebSocket that receives nothing for this long after a ping is taken as dead"),
    WS_MAX_RECONNECT_ATTEMPTS("wonderful.ws.max-reconnect-attempts", "5", "reconnect attempts after an unexpected close before giving up"),
    CHAT_START_TIMEOUT("wonderful.chat.start-timeout", "60s", "overall deadline of chat.start and chat.recover, the socket's opening included"),
    HEALTH_ENABLED("wonderful.health.enabled", "false", "switches on the MicroProfile Health readiness check of the Wonderful API"),
    TELEMETRY_ENABLED("wonderful.telemetry.enabled", "true", "false: no spans or metrics even when the runtime's MicroProfile Telemetry is on"),
    CONFIG_FAIL_ON_ERROR("wonderful.config.fail-on-error", "false", "true: a configuration error fails the deployment instead of every call");

    /** The prefix of every key of the library. */
    public static final String PREFIX = "wonderful.";

    /** Markers of the default column for keys without a default value. */
    private static final class Default {
        static final String REQUIRED = "required";
        static final String NONE = "–";
    }

    private final String key;
    private final String defaultText;
    private final String description;

    Setting(String key, String defaultText, String description) {
        if (!key.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a key of the library: " + key);
        }
        this.key = key;
        this.defaultText = Objects.requireNonNull(defaultText, "defaultText");
        this.description = Objects.requireNonNull(description, "description");
    }

    /** The MicroProfile Config key, for example {@code wonderful.base-url}. */
    public String key() {
        return key;
    }

    /** The environment variable MicroProfile Config reads for the key, for example {@code WONDERFUL_BASE_URL}. */
    public String envName() {
        return envName(key);
    }

    /**
     * The default as README writes it: the value (for example {@code 30s}), {@code required}, or {@code –} for a key
     * that is simply absent when not set.
     */
    public String defaultText() {
        return defaultText;
    }

    /** Whether the library cannot work without the key. */
    public boolean required() {
        return defaultText.equals(Default.REQUIRED);
    }

    /** The default value, as configuration text; empty for a key without one. */
    public Optional<String> defaultValue() {
        return defaultText.equals(Default.REQUIRED) || defaultText.equals(Default.NONE) ? Optional.empty() : Optional.of(defaultText);
    }

    /** One line on what the key does. */
    public String description() {
        return description;
    }

    /**
     * The default as a duration.
     *
     * @throws IllegalStateException when the key has no duration default
     */
    public Duration defaultDuration() {
        return Durations.parse(requireDefault());
    }

    /**
     * The default as a whole number.
     *
     * @throws IllegalStateException when the key has no default
     * @throws NumberFormatException when its default is not a whole number
     */
    public int defaultNumber() {
        return Integer.parseInt(requireDefault());
    }

    /**
     * The default as a boolean.
     *
     * @throws IllegalStateException when the key has no default
     */
    public boolean defaultFlag() {
        return Boolean.parseBoolean(requireDefault());
    }

    private String requireDefault() {
        return defaultValue().orElseThrow(() -> new IllegalStateException(key + " has no default value"));
    }

    /** MicroProfile Config's environment-variable form of a key: every non-alphanumeric character {@code _}, upper case. */
    public static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** The setting of {@code key}, if it is one of the library's keys. */
    public static Optional<Setting> of(String key) {
        for (Setting setting : values()) {
            if (setting.key.equals(key)) {
                return Optional.of(setting);
            }
        }
        return Optional.empty();
    }
}
