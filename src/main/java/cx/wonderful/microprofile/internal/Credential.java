package cx.wonderful.microprofile.internal;

import java.util.Objects;
import java.util.Optional;

/**
 * One credential as it goes on the wire. Its secret is only ever read by the code that writes a header or a
 * handshake; {@link #toString()} and {@link #masked()} never show it.
 */
public final class Credential {

    /**
     * The request header through which a call hands its credential to the {@link CredentialFilter} of a library
     * client (a {@code @HeaderParam} of the client method). The filter always removes it and writes the contract's
     * header instead, so it never leaves the process.
     */
    public static final String CALL_HEADER = "X-Wonderful-Call-Credential";

    private final CredentialKind kind;
    private final String secret;

    public Credential(CredentialKind kind, String secret) {
        this.kind = Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(secret, "secret");
        if (secret.isBlank()) {
            throw new IllegalArgumentException("a " + kind + " credential must not be blank");
        }
        this.secret = secret;
    }

    public CredentialKind kind() {
        return kind;
    }

    /** The secret itself: for a header or a handshake, never for a log line or a message. */
    public String secret() {
        return secret;
    }

    /**
     * The value of {@link #CALL_HEADER} for this credential: the scheme name, a space, the secret. Only for a
     * {@code @HeaderParam} of a library client, whose filter turns it into the contract's header.
     */
    public String callHeader() {
        return kind.webSocketProtocol() + " " + secret;
    }

    /** The credential of a {@link #callHeader()} value; empty when {@code value} is not one. */
    static Optional<Credential> ofCallHeader(String value) {
        int space = value == null ? -1 : value.indexOf(' ');
        if (space <= 0 || space == value.length() - 1) {
            return Optional.empty();
        }
        String scheme = value.substring(0, space);
        for (CredentialKind kind : CredentialKind.values()) {
            if (kind.webSocketProtocol().equals(scheme)) {
                return Optional.of(new Credential(kind, value.substring(space + 1)));
            }
        }
        return Optional.empty();
    }

    /** A form safe to log: the kind and at most the last four characters of a long secret. */
    public String masked() {
        return kind + ":" + mask(secret);
    }

    /** Masks any secret: {@code ****} plus the last four characters when the secret is long enough to spare them. */
    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "";
        }
        return secret.length() >= 16 ? "****" + secret.substring(secret.length() - 4) : "****";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Credential that && kind == that.kind && secret.equals(that.secret);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, secret);
    }

    @Override
    public String toString() {
        return "Credential[" + masked() + "]";
    }
}
