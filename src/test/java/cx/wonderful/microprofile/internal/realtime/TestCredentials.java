package cx.wonderful.microprofile.internal.realtime;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.internal.Credential;
import cx.wonderful.microprofile.internal.CredentialKind;
import cx.wonderful.microprofile.internal.CredentialSource;
import java.util.concurrent.atomic.AtomicInteger;

/** A credential source for the socket tests: a token that a refresh replaces by the next one. */
final class TestCredentials implements CredentialSource {

    private final CredentialKind kind;
    private final AtomicInteger refreshes = new AtomicInteger();
    private volatile Credential current;

    TestCredentials(CredentialKind kind, String first) {
        this.kind = kind;
        this.current = new Credential(kind, first);
    }

    @Override
    public Credential current() {
        return current;
    }

    @Override
    public synchronized Credential afterUnauthorized(Credential used) {
        if (kind == CredentialKind.API_KEY) {
            throw new WonderfulException(ErrorCode.UNAUTHORIZED, "an API key cannot be refreshed", 401, false, null);
        }
        if (used.equals(current)) {
            current = new Credential(kind, "refreshed-token-" + refreshes.incrementAndGet());
        }
        return current;
    }

    int refreshes() {
        return refreshes.get();
    }
}
