package cx.wonderful.microprofile;

/**
 * Every error code a {@link WonderfulException} can carry. The names of the TypeScript SDK's codes are kept
 * as they are, so that an application can handle both the same way.
 */
public enum ErrorCode {
    /** A request failed the library's validation; nothing was sent. */
    VALIDATION_ERROR(false),
    /** A required field or parameter is missing or invalid, or the operation needs a credential that is not configured. */
    INVALID_REQUEST(false),
    /** The configuration is missing, malformed or unsafe (for example a bearer credential over plain HTTP). */
    CONFIGURATION_ERROR(false),
    /** The credential was missing, invalid or expired, and a refresh (where one applies) did not help. */
    UNAUTHORIZED(false),
    /** The credential is valid but may not use this resource (for example an agent not accessible to the tenant). */
    FORBIDDEN(false),
    /** The token refresher failed, threw, or returned something that is not a usable token. */
    TOKEN_REFRESH_FAILED(true),
    /** The resource does not exist. */
    NOT_FOUND(false),
    /** A chat was started without {@code from} or {@code fromType}. */
    MISSING_PARTICIPANT(false),
    /** No chat session has this id. */
    SESSION_NOT_FOUND(false),
    /** The chat session has ended; it takes no more messages. */
    SESSION_ENDED(false),
    /** The connection failed or timed out, after the configured retries. */
    NETWORK_ERROR(true),
    /** The server asked the client to slow down (HTTP 429). */
    RATE_LIMITED(true),
    /** The server failed (HTTP 5xx). */
    SERVER_ERROR(true),
    /** The server answered with something the contract does not allow. */
    UNEXPECTED_RESPONSE(false),
    /** The real-time connection was lost and could not be re-established within the configured attempts. */
    CONNECTION_LOST(true),
    /** A chat message could not be delivered; the session reports it instead of dropping it. */
    SEND_FAILED(true),
    /** The credential was cleared with {@code clearAuth()}; set one before calling again. */
    NOT_AUTHENTICATED(false);

    private final boolean recoverableByDefault;

    ErrorCode(boolean recoverableByDefault) {
        this.recoverableByDefault = recoverableByDefault;
    }

    /**
     * Whether retrying the same operation later may succeed, unless the error says otherwise: the
     * {@link WonderfulException#recoverable()} of an exception made without an explicit value.
     *
     * @return {@code true} for {@link #TOKEN_REFRESH_FAILED}, {@link #NETWORK_ERROR}, {@link #RATE_LIMITED},
     *         {@link #SERVER_ERROR}, {@link #CONNECTION_LOST} and {@link #SEND_FAILED}; {@code false} for every other
     *         code
     */
    public boolean recoverableByDefault() {
        return recoverableByDefault;
    }
}
