package cx.wonderful.microprofile.internal;

import java.util.Objects;

/**
 * One credential as it goes on the wire. Its secret is only ever read by the code that writes a header or a
 * handshake; {@link #toString()} and {@link #masked()} never show it.
 */
public final class Credential {

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
