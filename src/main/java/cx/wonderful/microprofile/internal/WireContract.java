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

    // ---- Chat V3 (§2.3) ----
    /** CODE: base path of the Chat V3 endpoints. */
    public static final String CHAT_V3_PATH = "/api/workspace/{workspaceId}/v3/chat";

    // ---- Real-time chat WebSocket (§2.4) ----
    /** CODE: path of the agent chat WebSocket, with {@code ?commType=chat}. */
    public static final String AGENT_CHAT_WS_PATH = "/api/v1/agents/{agentId}/chat";

    // ---- Communications (§2.3) ----
    /** CODE. */
    public static final String COMMUNICATIONS_PATH = "/api/v1/communications";
}
