package cx.wonderful.microprofile.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Runs one call of a library rest client with the library's policy: a 401 on a bearer credential refreshes it
 * through {@link CredentialSource#afterUnauthorized} and re-sends once (the supplier is simply invoked again, so
 * the request body is re-sent intact); connection failures and timeouts are retried up to
 * {@code wonderful.max-retries} with exponential backoff and jitter; every failure becomes a
 * {@link cx.wonderful.microprofile.WonderfulException} with its code, HTTP status and recoverable flag.
 * SKELETON: the signatures are final; the auth work fills in the bodies.
 */
@ApplicationScoped
public class ApiInvoker {

    /**
     * @param operation a short name for messages and logs, for example {@code "chat.send"}
     */
    public <T> T invoke(String operation, Supplier<T> call) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** {@link #invoke} on another thread (the runtime's managed executor where there is one). */
    public <T> CompletionStage<T> invokeAsync(String operation, Supplier<T> call) {
        throw new UnsupportedOperationException("skeleton");
    }
}
