package cx.wonderful.microprofile.internal;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.telemetry.Telemetry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one call of a library rest client with the library's policy:
 * <ul>
 * <li>the credential is taken from the {@link CredentialSource} before the call and handed to it as a
 * {@link Call}, which passes it to the client method's {@link Credential#CALL_HEADER} parameter: the request carries
 * exactly that credential (a plain {@code Supplier} call gets the credential of the client's own source);</li>
 * <li>a 401 on a bearer credential asks {@link CredentialSource#afterUnauthorized} for a fresh one and re-sends
 * <em>once</em> (the supplier is invoked again, so the request body is re-sent intact); a second 401, or a 401 on
 * an API key, is {@code UNAUTHORIZED};</li>
 * <li>a connection failure or timeout (a {@link ProcessingException} caused by an I/O error) is retried up to
 * {@code wonderful.max-retries} times (default 3) after {@link Backoff} delays based on
 * {@code wonderful.retry-delay} (default 1 s), then is {@code NETWORK_ERROR} (recoverable);</li>
 * <li>every other failure becomes a {@link WonderfulException} with its code, HTTP status and recoverable flag;
 * error responses are not retried.</li>
 * </ul>
 * A call that must not reach the server twice (a chat message) goes through {@link #invokeAtMostOnce}: it is
 * retried only after failures that prove the request was never sent (the connection could not be opened).
 */
@ApplicationScoped
public class ApiInvoker {

    private static final Logger LOG = Logger.getLogger(ApiInvoker.class.getName());

    private CredentialSource credentials;
    private int maxRetries;
    private Backoff backoff;
    private Sleeper sleeper;
    private AsyncExecutor executor;
    private Telemetry telemetry = Telemetry.off();

    /** For the CDI container's proxy. */
    protected ApiInvoker() {
    }

    @Inject
    public ApiInvoker(WonderfulSettings settings, CredentialSource credentials) {
        this(credentials, settings.maxRetries(), Backoff.from(settings.retryDelay()), Thread::sleep, new AsyncExecutor());
    }

    ApiInvoker(CredentialSource credentials, int maxRetries, Backoff backoff, Sleeper sleeper, AsyncExecutor executor) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative: " + maxRetries);
        }
        this.maxRetries = maxRetries;
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * Each call is then one span and is counted (README, "Telemetry"); without it, nothing is recorded. Called by
     * CDI, and by the named clients for their own invokers.
     */
    @Inject
    public void telemetry(Telemetry telemetry) {
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    }

    /**
     * Runs {@code call} with the library's credential and policy.
     *
     * @param operation a short name for messages and logs, for example {@code "chat.send"}
     * @throws WonderfulException for every failure
     */
    public <T> T invoke(String operation, Supplier<T> call) {
        return invoke(operation, credentials, call);
    }

    /** {@link #invoke(String, Supplier)} with the credentials of {@code source} instead of the library's. */
    public <T> T invoke(String operation, CredentialSource source, Supplier<T> call) {
        Objects.requireNonNull(call, "call");
        return invoke(operation, source, credential -> call.get(), false);
    }

    /**
     * Runs {@code call} as the identity of {@code source}: the call passes {@link Call#send}'s argument to its client
     * method's {@link Credential#CALL_HEADER} parameter, so one client serves every identity.
     */
    public <T> T invoke(String operation, CredentialSource source, Call<T> call) {
        return invoke(operation, source, call, false);
    }

    /** {@link #invokeAtMostOnce(String, Supplier)} as the identity of {@code source}, as {@link #invoke(String, CredentialSource, Call)}. */
    public <T> T invokeAtMostOnce(String operation, CredentialSource source, Call<T> call) {
        return invoke(operation, source, call, true);
    }

    /**
     * {@link #invoke(String, Supplier)} for a call that must not take effect twice: a network failure is retried
     * only when the connection could not be opened, since after a reset or a read timeout the server may already
     * have acted on the request; such a failure is {@code NETWORK_ERROR} at once.
     */
    public <T> T invokeAtMostOnce(String operation, Supplier<T> call) {
        Objects.requireNonNull(call, "call");
        return invoke(operation, credentials, credential -> call.get(), true);
    }

    private <T> T invoke(String operation, CredentialSource source, Call<T> call, boolean atMostOnce) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(call, "call");
        return telemetry.call(operation, () -> send(operation, source, call, atMostOnce));
    }

    /** One call: its first request, the re-send after a 401 and the retries. */
    private <T> T send(String operation, CredentialSource source, Call<T> call, boolean atMostOnce) {
        Credential used = source.current();
        boolean resent = false;
        int retry = 0;
        while (true) {
            try {
                return call.send(used.callHeader());
            } catch (RuntimeException failure) {
                WonderfulException error = translate(operation, failure);
                if (error.httpStatus().orElse(0) == 401) {
                    if (resent || !used.kind().isBearer()) {
                        throw unauthorized(operation, used, resent, error);
                    }
                    used = source.afterUnauthorized(used);
                    resent = true;
                    LOG.fine(() -> operation + ": 401, re-sending once with a refreshed credential");
                    continue;
                }
                if (!isNetworkFailure(failure) || retry >= maxRetries || atMostOnce && !neverSent(failure)) {
                    throw error;
                }
                pause(operation, retry, error);
                retry++;
                used = source.current();
            }
        }
    }

    /** {@link #invoke} on another thread: the runtime's default managed executor where there is one. */
    public <T> CompletionStage<T> invokeAsync(String operation, Supplier<T> call) {
        return invokeAsync(operation, credentials, call);
    }

    /** {@link #invoke(String, CredentialSource, Supplier)} on another thread, as {@link #invokeAsync(String, Supplier)}. */
    public <T> CompletionStage<T> invokeAsync(String operation, CredentialSource source, Supplier<T> call) {
        Objects.requireNonNull(call, "call");
        Executor target = Telemetry.inCurrentContext(executor.get());
        return CompletableFuture.supplyAsync(() -> invoke(operation, source, call), target);
    }

    /** {@link #invoke(String, CredentialSource, Call)} on another thread, as {@link #invokeAsync(String, Supplier)}. */
    public <T> CompletionStage<T> invokeAsync(String operation, CredentialSource source, Call<T> call) {
        Objects.requireNonNull(call, "call");
        Executor target = executor.get();
        return CompletableFuture.supplyAsync(() -> invoke(operation, source, call), target);
    }

    @PreDestroy
    public void close() {
        executor.close();
    }

    private void pause(String operation, int retry, WonderfulException error) {
        Duration delay = backoff.delay(retry);
        LOG.log(Level.FINE, "{0}: {1}; retry {2} of {3} in {4} ms",
                new Object[] {operation, error.getMessage(), retry + 1, maxRetries, delay.toMillis()});
        try {
            sleeper.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WonderfulException(ErrorCode.NETWORK_ERROR, operation + ": interrupted while waiting to retry after: "
                    + error.getMessage(), 0, true, e);
        }
    }

    private static WonderfulException unauthorized(String operation, Credential used, boolean resent, WonderfulException cause) {
        String why = resent ? "still refused after one refresh" : "refused";
        return new WonderfulException(ErrorCode.UNAUTHORIZED, operation + ": the " + used.kind() + " credential was " + why
                + " (" + cause.getMessage() + ")", 401, false, cause);
    }

    /** The library's exception for any failure of a rest client call. */
    static WonderfulException translate(String operation, RuntimeException failure) {
        if (failure instanceof WonderfulException wonderful) {
            return wonderful;
        }
        WonderfulException carried = carried(failure);
        if (carried != null) {
            return carried;
        }
        if (failure instanceof WebApplicationException web && web.getResponse() != null) {
            WonderfulException mapped = ErrorResponses.toException(web.getResponse());
            return new WonderfulException(mapped.code(), operation + ": " + mapped.getMessage(),
                    mapped.httpStatus().orElse(0), mapped.recoverable(), null);
        }
        if (isNetworkFailure(failure)) {
            return new WonderfulException(ErrorCode.NETWORK_ERROR, operation + ": " + describe(failure), 0, true, failure);
        }
        return new WonderfulException(ErrorCode.UNEXPECTED_RESPONSE, operation + ": " + describe(failure), 0, false, failure);
    }

    /** A WonderfulException thrown inside the client (by the filter, for example) and wrapped by the implementation. */
    private static WonderfulException carried(Throwable failure) {
        for (Throwable t = failure.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof WonderfulException wonderful) {
                return wonderful;
            }
        }
        return null;
    }

    /** Connection refused, reset or timed out: the JAX-RS client reports an I/O error as a ProcessingException. */
    static boolean isNetworkFailure(Throwable failure) {
        return failure instanceof ProcessingException && anyCause(failure, t -> t instanceof IOException);
    }

    /** Whether the failure proves the request never left: the connection itself could not be opened. */
    static boolean neverSent(Throwable failure) {
        return anyCause(failure, t -> t instanceof ConnectException || t instanceof UnknownHostException
                || t instanceof NoRouteToHostException || t.getClass().getSimpleName().contains("ConnectTimeout"));
    }

    /** Whether {@code failure} or any of its causes matches. */
    private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }

    /** The type and message of the root cause: enough to diagnose, never a header (and so never a credential). */
    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /**
     * One call of a library client made with the credential the invoker chose: {@code credentialHeader} goes to the
     * client method's {@code @HeaderParam(Credential.CALL_HEADER)} parameter. Must call the client synchronously.
     */
    @FunctionalInterface
    public interface Call<T> {
        T send(String credentialHeader);
    }

    /** Waits between retries; a seam so that tests need not wait. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }
}
