package cx.wonderful.microprofile.internal;

/** The three kinds of credential of the contract (shared/wonderful-api.md §2.2), each with its wire form. */
public enum CredentialKind {
    API_KEY(WireContract.WS_PROTOCOL_API_KEY),
    SIGNED_TOKEN(WireContract.WS_PROTOCOL_SIGNED_TOKEN),
    TOKEN(WireContract.WS_PROTOCOL_TOKEN);

    private final String webSocketProtocol;

    CredentialKind(String webSocketProtocol) {
        this.webSocketProtocol = webSocketProtocol;
    }

    /** The scheme name sent as the first {@code Sec-WebSocket-Protocol} value, before the secret. */
    public String webSocketProtocol() {
        return webSocketProtocol;
    }

    /** Whether the credential travels as {@code Authorization: Bearer} (tokens) rather than {@code x-api-key}. */
    public boolean isBearer() {
        return this != API_KEY;
    }
}
