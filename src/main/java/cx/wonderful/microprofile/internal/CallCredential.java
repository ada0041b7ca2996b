package cx.wonderful.microprofile.internal;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The credential the {@link ApiInvoker} chose for the call running on this thread, so that the
 * {@link CredentialFilter} sends exactly the credential the invoker will report after a 401 (reading the store
 * twice could give two different tokens when a refresh happens in between).
 */
final class CallCredential {

    private static final ThreadLocal<Credential> BOUND = new ThreadLocal<>();

    private CallCredential() {
    }

    static <T> T with(Credential credential, Supplier<T> call) {
        Credential previous = BOUND.get();
        BOUND.set(credential);
        try {
            return call.get();
        } finally {
            if (previous == null) {
                BOUND.remove();
            } else {
                BOUND.set(previous);
            }
        }
    }

    static Optional<Credential> bound() {
        return Optional.ofNullable(BOUND.get());
    }
}
