package cx.wonderful.simulator.auth;

import java.util.Objects;

/**
 * The outcome of checking a credential: a caller, or why it was refused (a message that never holds the secret).
 * The kind and masked credential are known even for a refusal when a credential was presented.
 */
public record AuthResult(Caller caller, CredentialKind kind, String maskedCredential, String failure) {

    public static AuthResult accepted(Caller caller) {
        Objects.requireNonNull(caller, "caller");
        return new AuthResult(caller, caller.kind(), caller.maskedCredential(), null);
    }

    public static AuthResult refused(CredentialKind kind, String maskedCredential, String failure) {
        Objects.requireNonNull(failure, "failure");
        return new AuthResult(null, kind, maskedCredential, failure);
    }

    public boolean isAccepted() {
        return caller != null;
    }
}
