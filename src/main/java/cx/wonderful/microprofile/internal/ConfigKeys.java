package cx.wonderful.microprofile.internal;

/**
 * The MicroProfile Config keys of the library, all under {@code wonderful.}. MicroProfile Config maps each to an
 * environment variable by upper-casing it and replacing every non-alphanumeric character with {@code _}
 * ({@code wonderful.base-url} is also {@code WONDERFUL_BASE_URL}). Durations are written {@code 500ms},
 * {@code 30s}, {@code 5m}, as ISO-8601 ({@code PT30S}) or as a plain number of milliseconds.
 *
 * <p>Every {@code public static final String} here whose value starts with {@code wonderful.} is a known key: the
 * startup check of {@link ConfigDiagnostics} warns about any other {@code wonderful.*} key it finds.
 */
public final class ConfigKeys {

    private ConfigKeys() {
    }

    /** Required: the API's base URL, for example {@code https://acme.api.wonderful.ai}. */
    public static final String BASE_URL = "wonderful.base-url";
    /** An API key (server side only): signs JWTs, and authenticates calls when no token is configured. */
    public static final String API_KEY = "wonderful.api-key";
    /** A JWT signed by the application's backend ({@code auth.sign}). */
    public static final String SIGNED_TOKEN = "wonderful.signed-token";
    /** A Wonderful token from a Cognito or SSO flow. */
    public static final String TOKEN = "wonderful.token";
    /** Sent as {@code X-Tenant-ID} when set. */
    public static final String TENANT_ID = "wonderful.tenant-id";
    /** The workspace of the Chat V3 endpoints. */
    public static final String WORKSPACE_ID = "wonderful.workspace-id";
    /** The agent a chat is started with when the request names none. */
    public static final String AGENT_ID = "wonderful.agent-id";
    /** Timeout of one HTTP request; default 30 s. */
    public static final String REQUEST_TIMEOUT = "wonderful.request-timeout";
    /** Retries after a connection failure or timeout; default 3. */
    public static final String MAX_RETRIES = "wonderful.max-retries";
    /** First retry delay, doubled on each retry, with jitter; default 1 s. Also the reconnect backoff base. */
    public static final String RETRY_DELAY = "wonderful.retry-delay";
    /** How long before its {@code exp} a token is refreshed proactively; default 30 s. */
    public static final String REFRESH_SKEW = "wonderful.refresh-skew";
    /** How long to wait before trying again after a failed proactive refresh; default 5 s. */
    public static final String REFRESH_COOLDOWN = "wonderful.refresh-cooldown";
    /** How long a caller waits for a token refresher before {@code TOKEN_REFRESH_FAILED}; default 10 s. */
    public static final String REFRESH_TIMEOUT = "wonderful.refresh-timeout";
    /** Lifetime of the JWTs the library signs for end users ({@code Identity.endUser}); default 1 h (60 s to 24 h). */
    public static final String END_USER_TOKEN_LIFETIME = "wonderful.end-user.token-lifetime";
    /** At most this many end users' tokens are kept; the least recently used goes first; default 10000. */
    public static final String END_USER_CACHE_SIZE = "wonderful.end-user.cache-size";
    /** An end user's token not used for this long is dropped from the cache; default 1 h. */
    public static final String END_USER_CACHE_IDLE = "wonderful.end-user.cache-idle";
    /** Interval of the keep-alive ping on the chat WebSocket; default 30 s. */
    public static final String WS_PING_INTERVAL = "wonderful.ws.ping-interval";
    /** A WebSocket that receives nothing (no pong, no frame) for this long is taken as dead; default 10 s. */
    public static final String WS_PONG_TIMEOUT = "wonderful.ws.pong-timeout";
    /** Reconnect attempts after an unexpected close before giving up; default 5. */
    public static final String WS_MAX_RECONNECT_ATTEMPTS = "wonderful.ws.max-reconnect-attempts";
    /** Overall deadline of {@code chat.start} and {@code chat.recover}, the socket's opening included; default 60 s. */
    public static final String CHAT_START_TIMEOUT = "wonderful.chat.start-timeout";
    /** Switches on the MicroProfile Health readiness check of the Wonderful API; default false. */
    public static final String HEALTH_ENABLED = "wonderful.health.enabled";
    /** Set to false to record no spans or metrics even when the runtime's MicroProfile Telemetry is on; default true. */
    public static final String TELEMETRY_ENABLED = "wonderful.telemetry.enabled";
    /** When true, a configuration error fails the application's deployment instead of every call; default false. */
    public static final String CONFIG_FAIL_ON_ERROR = "wonderful.config.fail-on-error";
}
