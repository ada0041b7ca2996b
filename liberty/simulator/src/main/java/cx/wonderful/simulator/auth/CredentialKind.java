package cx.wonderful.simulator.auth;

/** The three credentials of the API, with their WebSocket sub-protocol names (shared/wonderful-api.md §2.2). */
public enum CredentialKind {
    API_KEY("apikey"), SIGNED_TOKEN("jwt"), TOKEN("token");

    private final String protocol;

    CredentialKind(String protocol) {
        this.protocol = protocol;
    }

    /** The WebSocket sub-protocol name, also the journal's name for the kind. */
    public String protocol() {
        return protocol;
    }

    /** The kind named by a WebSocket sub-protocol, or null. */
    public static CredentialKind ofProtocol(String protocol) {
        for (CredentialKind kind : values()) {
            if (kind.protocol.equals(protocol)) {
                return kind;
            }
        }
        return null;
    }
}
