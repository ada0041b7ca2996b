package cx.wonderful.microprofile.internal;

/**
 * Where every outgoing request and WebSocket handshake of the library gets its credential, and where a 401 is
 * reported so that the credential can be refreshed. Implemented by the auth module's token store (an
 * application-scoped CDI bean); the chat, realtime and communications modules only use it.
 */
public interface CredentialSource {

    /**
     * The credential for the next request or handshake. A token within {@code wonderful.refresh-skew} of its
     * expiry is refreshed first (single flight); if that refresh fails while the token is still valid, the old
     * token is returned.
     *
     * @throws cx.wonderful.microprofile.WonderfulException {@code NOT_AUTHENTICATED} after {@code clearAuth()},
     *         {@code CONFIGURATION_ERROR} when no credential is configured
     */
    Credential current();

    /**
     * Reports that a request carrying {@code used} was answered 401, and returns the credential to re-send with,
     * once. If {@code used} is still the current token it is refreshed (exactly one refresh however many callers
     * report the same token concurrently); if a newer token is already there, that one is returned at once.
     *
     * @throws cx.wonderful.microprofile.WonderfulException {@code UNAUTHORIZED} when the credential cannot be
     *         refreshed (an API key, or no refresher), {@code TOKEN_REFRESH_FAILED} when the refresher fails
     */
    Credential afterUnauthorized(Credential used);
}
