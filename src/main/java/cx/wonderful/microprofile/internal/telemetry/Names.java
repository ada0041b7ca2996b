package cx.wonderful.microprofile.internal.telemetry;

/**
 * Every span, event, attribute and metric name the library records (README, "Telemetry", lists them all). The
 * HTTP ones are those of the OpenTelemetry semantic conventions; the library's own are under {@code wonderful.}.
 */
final class Names {

    private Names() {
    }

    static final String SCOPE = "cx.wonderful.microprofile";

    static final String SPAN_REFRESH = "auth.refresh";
    static final String SPAN_CHAT_SESSION = "chat.session";
    /** The operation of a chat message: its successful calls are the messages sent. */
    static final String OPERATION_CHAT_SEND = "chat.send";

    static final String EVENT_CONNECTED = "connected";
    static final String EVENT_DISCONNECTED = "disconnected";
    static final String EVENT_RECONNECTED = "reconnected";
    static final String EVENT_FAILED = "failed";
    static final String EVENT_ENDED = "ended";
    static final String EVENT_CLOSED = "closed";

    // OpenTelemetry semantic conventions (HTTP client, error)
    static final String HTTP_METHOD = "http.request.method";
    static final String HTTP_STATUS = "http.response.status_code";
    static final String SERVER_ADDRESS = "server.address";
    static final String SERVER_PORT = "server.port";
    static final String URL_TEMPLATE = "url.template";
    static final String ERROR_TYPE = "error.type";

    static final String OPERATION = "wonderful.operation";
    static final String OUTCOME = "wonderful.outcome";
    static final String ERROR_CODE = "wonderful.error.code";
    static final String RETRY_COUNT = "wonderful.retry.count";
    static final String REFRESHED = "wonderful.refreshed";
    static final String CREDENTIAL_KIND = "wonderful.credential.kind";
    static final String SESSION_ID = "wonderful.chat.session.id";
    static final String CLOSE_CODE = "wonderful.chat.close.code";
    static final String WILL_RETRY = "wonderful.chat.will_retry";
    static final String ATTEMPT = "wonderful.chat.reconnect.attempt";
    static final String DIRECTION = "wonderful.chat.direction";
    static final String SPEAKER = "wonderful.chat.speaker";

    static final String OUTCOME_SUCCESS = "success";
    static final String OUTCOME_FAILURE = "failure";

    static final String METRIC_CALLS = "wonderful.client.calls";
    static final String METRIC_CALL_DURATION = "wonderful.client.call.duration";
    static final String METRIC_REFRESHES = "wonderful.token.refreshes";
    static final String METRIC_RECONNECTS = "wonderful.chat.reconnects";
    static final String METRIC_OPEN_SESSIONS = "wonderful.chat.sessions.open";
    static final String METRIC_MESSAGES = "wonderful.chat.messages";
}
