package cx.wonderful.microprofile.internal;

/**
 * Every wire detail of the Wonderful API in one place, marked as in shared/wonderful-api.md: DOC (documented),
 * CODE (seen in public code that calls the real API) or CHOSEN (no public evidence; this project's decision, to be
 * corrected here, and only here, when the real API says otherwise).
 */
public final class WireContract {

    private WireContract() {
    }

    // ---- Credentials (§2.2) ----
    /** CODE: header that carries an API key. */
    public static final String HEADER_API_KEY = "x-api-key";
    /** CODE: optional tenant header. */
    public static final String HEADER_TENANT_ID = "X-Tenant-ID";
    /** CODE: bearer scheme for signed tokens and Wonderful tokens. */
    public static final String BEARER_PREFIX = "Bearer ";
    /** CODE: WebSocket sub-protocol name for an API key. */
    public static final String WS_PROTOCOL_API_KEY = "apikey";
    /** DOC name, CHOSEN form: WebSocket sub-protocol name for a signed token. */
    public static final String WS_PROTOCOL_SIGNED_TOKEN = "jwt";
    /** CODE: WebSocket sub-protocol name for a Wonderful token. */
    public static final String WS_PROTOCOL_TOKEN = "token";

    // ---- JWT signing (§2.3) ----
    /** CODE. */
    public static final String SIGN_PATH = "/api/v1/jwt/sign";
    /** CODE: request field of the end user's id (camelCase, unlike the rest of the API). */
    public static final String SIGN_ENTITY_ID = "entityId";
    /** CODE: request field of the token's lifetime in seconds. */
    public static final String SIGN_EXPIRES_IN = "expiresIn";
    /** CODE: request field of the metadata object. */
    public static final String SIGN_METADATA = "metadata";
    /** CHOSEN: request field of the tenant. */
    public static final String SIGN_TENANT_ID = "tenantId";
    /** CODE: response field of the signed JWT, inside the {@code data} envelope. */
    public static final String SIGN_JWT = "jwt";
    /** CHOSEN: optional response field of the expiry in unix seconds; without it the JWT's {@code exp} is used. */
    public static final String SIGN_EXPIRES_AT = "expiresAt";
    /** CHOSEN: optional response field of the end user's id; without it the JWT's {@code sub} is used. */
    public static final String SIGN_ID = "id";

    // ---- Chat V3 (§2.3) ----
    /** CODE: base path of the Chat V3 endpoints. */
    public static final String CHAT_V3_PATH = "/api/workspace/{workspaceId}/v3/chat";

    // ---- Real-time chat WebSocket (§2.4) ----
    /** CODE: path of the agent chat WebSocket, with {@code ?commType=chat}. */
    public static final String AGENT_CHAT_WS_PATH = "/api/v1/agents/{agentId}/chat";

    // ---- Chat V3 details (§2.3; owned by the chat module) ----
    /** CODE: {@code comm_type} of a new chat, also the WebSocket's {@code commType} query value. */
    public static final String CHAT_COMM_TYPE = "chat";
    /** CODE: the cursor before a session's first event. */
    public static final String CHAT_FIRST_CURSOR = "0-0";
    /** CHOSEN: events asked per page when reading a session's history (the API documents no bound). */
    public static final int CHAT_EVENTS_PAGE_LIMIT = 100;
    /** CODE: {@code data.type} of a text message, and of an action such as the end action. */
    public static final String CHAT_INPUT_TEXT = "text";
    public static final String CHAT_INPUT_ACTION = "action";
    /** CODE: the action that ends a session. */
    public static final String CHAT_ACTION_END = "end";
    /** CODE: event type that closes a turn. */
    public static final String CHAT_EVENT_TURN_ENDED = "turn_ended";
    /** DOC: status of a session in progress. */
    public static final String CHAT_STATUS_IN_PROGRESS = "in-progress";
    /**
     * CHOSEN: how a history read shows an ended session: {@code data.status} of the events response is
     * {@code "ended"}, or an event of type {@code communication_ended} (the WebSocket's end signal) is in it.
     */
    public static final String CHAT_STATUS_ENDED = "ended";
    /** CHOSEN: optional {@code data.agent_id} of the events response, used to reconnect a recovered session. */
    public static final String CHAT_FIELD_AGENT_ID = "agent_id";
    /** CODE: the speakers of events and transcripts. */
    public static final String SPEAKER_CUSTOMER = "customer";
    public static final String SPEAKER_AGENT = "agent";
    public static final String SPEAKER_SYSTEM = "system";
    public static final String SPEAKER_HUMAN_AGENT = "human_agent";
    /** CHOSEN: participant fields of the create body (snake_case) and of the {@code init} metadata (camelCase). */
    public static final String CHAT_FROM = "from";
    public static final String CHAT_FROM_TYPE = "from_type";
    public static final String CHAT_TO = "to";
    public static final String CHAT_TO_TYPE = "to_type";
    public static final String CHAT_LOCALE = "locale";
    public static final String INIT_FROM_TYPE = "fromType";
    public static final String INIT_TO_TYPE = "toType";

    // ---- Agent chat WebSocket details (§2.4; owned by the realtime module) ----
    /** CODE: the handshake header that carries {@code <scheme>, <secret>}. */
    public static final String WS_HEADER_PROTOCOL = "Sec-WebSocket-Protocol";
    /** CODE: query parameter selecting the chat channel. */
    public static final String WS_QUERY_COMM_TYPE = "commType";
    /** CHOSEN: query parameters of a resume: the session, and the last transcript id received. */
    public static final String WS_QUERY_SESSION_ID = "sessionId";
    public static final String WS_QUERY_AFTER = "after";
    /** CODE: frame types, server to client. */
    public static final String WS_TYPE_START = "start";
    public static final String WS_TYPE_TRANSCRIPT = "transcript";
    public static final String WS_TYPE_TURN_ENDED = "turn_ended";
    public static final String WS_TYPE_COMMUNICATION_ENDED = "communication_ended";
    /** CODE: frame types, client to server. */
    public static final String WS_TYPE_INIT = "init";
    /** CODE: field names of frames. */
    public static final String WS_FIELD_TYPE = "type";
    public static final String WS_FIELD_DATA = "data";
    public static final String WS_FIELD_COMMUNICATION_ID = "communication_id";
    public static final String WS_FIELD_METADATA = "metadata";
    public static final String WS_FIELD_TEXT = "text";
    public static final String WS_FIELD_ID = "id";
    public static final String WS_FIELD_SPEAKER = "speaker";
    public static final String WS_FIELD_CREATED_AT = "created_at";
    /** CHOSEN: who ended the communication, on {@code communication_ended}: {@code user|agent|system}. */
    public static final String WS_FIELD_ENDED_BY = "ended_by";

    // ---- Communications (§2.3) ----
    /** CODE. */
    public static final String COMMUNICATIONS_PATH = "/api/v1/communications";
    /** CODE: query parameter carrying the filters as a JSON object ({@code {}} when none; required). */
    public static final String COMMUNICATIONS_QUERY_FILTERS = "filters";
    /** CODE: query parameter of the page number (1-based). */
    public static final String COMMUNICATIONS_QUERY_PAGE = "page";
    /** CODE: query parameter of the page size. */
    public static final String COMMUNICATIONS_QUERY_LIMIT = "limit";
    /** CODE: query parameter of the sort order ({@code field} ascending, {@code -field} descending). */
    public static final String COMMUNICATIONS_QUERY_SORT = "sort";
    /**
     * CHOSEN: the largest page size the library asks for. The API documents none; a bound keeps one response's
     * size and duration within the request timeout, and auto-paging reads any number of records anyway.
     */
    public static final int COMMUNICATIONS_MAX_LIMIT = 100;

    /** CODE: filter keys inside {@code filters}, in the order the library writes them. */
    public static final String FILTER_TYPE = "type";
    public static final String FILTER_DIRECTION = "direction";
    public static final String FILTER_STATUS = "status";
    public static final String FILTER_INTERACTOR = "interactor";
    public static final String FILTER_AGENT_ID = "agent_id";
    public static final String FILTER_FROM_NUMBER = "from_number";
    public static final String FILTER_FROM_EMAIL = "from_email";
    /** DOC name, CODE placement: epoch seconds, inside {@code filters}. */
    public static final String FILTER_START_DATE = "startDate";
    public static final String FILTER_END_DATE = "endDate";

    /** CODE: success envelope and list pagination. */
    public static final String ENVELOPE_DATA = "data";
    public static final String PAGINATION = "pagination";
    public static final String PAGINATION_PAGE = "page";
    public static final String PAGINATION_LIMIT = "limit";
    public static final String PAGINATION_SORT = "sort";
    public static final String PAGINATION_TOTAL_ROWS = "total_rows";
    public static final String PAGINATION_TOTAL_PAGES = "total_pages";

    /** CODE: fields of a communication record; times are epoch milliseconds or ISO-8601, {@code duration} milliseconds. */
    public static final String COMM_ID = "id";
    public static final String COMM_TENANT_ID = "tenant_id";
    public static final String COMM_TYPE = "type";
    public static final String COMM_INTERACTOR = "interactor";
    public static final String COMM_DIRECTION = "direction";
    public static final String COMM_AGENT_ID = "agent_id";
    public static final String COMM_LOCALE = "locale";
    public static final String COMM_STATUS = "status";
    public static final String COMM_START_TIME = "start_time";
    public static final String COMM_END_TIME = "end_time";
    public static final String COMM_DURATION = "duration";
    public static final String COMM_FROM_NUMBER = "from_number";
    public static final String COMM_TO_NUMBER = "to_number";
    public static final String COMM_FROM_EMAIL = "from_email";
    public static final String COMM_SENTIMENT = "sentiment";
    public static final String COMM_SUMMARY = "summary";
    public static final String COMM_TAGS = "tags";
    public static final String COMM_METADATA = "metadata";
    public static final String COMM_TRANSCRIPTIONS = "transcriptions";

    /** CODE: fields of a transcription. */
    public static final String TRANSCRIPTION_ID = "id";
    public static final String TRANSCRIPTION_COMMUNICATION_ID = "communication_id";
    public static final String TRANSCRIPTION_SPEAKER = "speaker";
    public static final String TRANSCRIPTION_TEXT = "text";
    public static final String TRANSCRIPTION_START_TIME = "start_time";
    public static final String TRANSCRIPTION_END_TIME = "end_time";
    public static final String TRANSCRIPTION_TOOL_DETAILS = "tool_details";

    /** DOC: wire values of the type filter and field. */
    public static final String TYPE_VOICE = "voice";
    public static final String TYPE_CHAT = "chat";
    public static final String TYPE_EMAIL = "email";
    public static final String TYPE_TASK = "task";
    /** DOC: wire values of the direction filter and field. */
    public static final String DIRECTION_INBOUND = "inbound";
    public static final String DIRECTION_OUTBOUND = "outbound";

    // ---- Hostile input: limits and retry policy (issue 11; CHOSEN, the API documents none) ----
    /**
     * CHOSEN: the characters of an id that goes into a URL path (a communication id, a chat session id, an agent
     * id, the workspace id): letters, digits and {@code - _ . ~} (RFC 3986 unreserved), at least one of them not a
     * dot (so {@code .} and {@code ..} are refused), at most {@link #PATH_ID_MAX_LENGTH}. Every id the API is known
     * to use (UUIDs, {@code agent-support}, {@code ws-acme}) fits; anything else would need escaping that a
     * normalising gateway may undo.
     */
    public static final String PATH_ID_PATTERN = "(?=.*[^.])[A-Za-z0-9._~-]+";
    /** CHOSEN: the longest id accepted in a URL path; a UUID has 36 characters. */
    public static final int PATH_ID_MAX_LENGTH = 128;
    /**
     * CHOSEN: the longest chat message, in UTF-16 characters. Chat platforms bound a message to a few thousand
     * characters (4,096 is the common figure); a longer text is a paste accident or an abuse, and a bound keeps one
     * request small.
     */
    public static final int CHAT_TEXT_MAX_LENGTH = 4096;
    /** CHOSEN: the largest chat metadata object, serialized as JSON in UTF-8; the same bound as the DOC one of {@code auth.sign}. */
    public static final int CHAT_METADATA_MAX_BYTES = 4096;
    /** CHOSEN: the longest metadata key. */
    public static final int METADATA_KEY_MAX_LENGTH = 128;
    /** CHOSEN: the longest value of a communications filter (a status, an interactor, a number, an address, an agent id). */
    public static final int FILTER_VALUE_MAX_LENGTH = 256;
    /** CHOSEN: the most values of one multi-valued communications filter; the filters travel in the query string. */
    public static final int FILTER_MAX_VALUES = 100;
    /** The standard header of a 429 or 503: seconds, or an HTTP-date. */
    public static final String HEADER_RETRY_AFTER = "Retry-After";
    /**
     * CHOSEN: the longest {@code Retry-After} the library waits for before retrying an idempotent read itself; a
     * longer one ends the call at once with the error, whose {@code retryAfter()} tells the caller when to come back.
     */
    public static final java.time.Duration RETRY_AFTER_CAP = java.time.Duration.ofSeconds(30);
}
