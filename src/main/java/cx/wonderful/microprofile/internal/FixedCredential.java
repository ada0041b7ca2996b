package cx.wonderful.microprofile.internal;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import java.util.Objects;

/**
 * A credential that never changes, for a client that must not consult the token store (the JWT signing client,
 * which uses the API key even while a token authenticates every other call). A 401 is final: there is nothing to
 * refresh.
 */
public final class FixedCredential implements CredentialSource {

    private final Credential credential;

    public FixedCredential(Credential credential) {
        this.credential = Objects.requireNonNull(credential, "credential");
    }

    @Override
    public Credential current() {
        return credential;
    }

    @Override
    public Credential afterUnauthorized(Credential used) {
        throw new WonderfulException(ErrorCode.UNAUTHORIZED,
                "the server rejected the " + credential.kind() + " credential (HTTP 401)", 401, false, null);
    }

    @Override
    public String toString() {
        return "FixedCredential[" + credential.masked() + "]";
    }
}
