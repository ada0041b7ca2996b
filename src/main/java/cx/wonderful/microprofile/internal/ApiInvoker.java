package cx.wonderful.microprofile.internal;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.internal.telemetry.Telemetry;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * <li>failures are retried as {@link RetryPolicy} says for the kind of the operation (a connection failure or
 * timeout for every kind, a 429/502/503/504 for idempotent reads only, honouring {@code Retry-After}), at most
 * {@code wonderful.max-retries} times, after {@link Backoff} delays based on {@code wonderful.retry-delay} (defaults:
 * {@link Setting}). Each attempt is one request of the library: the HTTP engine's own retries are turned off where the
 * runtime allows it ({@link EngineRetries});</li>
 * <li>every other failure becomes a {@link WonderfulException} with its code, HTTP status, recoverable flag and
 * {@code Retry-After}; its message never holds a configured secret, the call's credential or anything
 * secret-shaped that a server or the runtime echoed ({@link Redaction}).</li>
 * </ul>
 * No thread sleeps between attempts: the wait is a future completed by a scheduler ({@link RetryTimer}). An
 * asynchronous call runs each attempt on the executor and holds no thread while it waits; a blocking call makes
 * each attempt on the caller's thread (so that what the call needs from it, such as the request context, stays at
 * hand) and waits on the timer's future, bounded by the delay plus {@link #WAIT_MARGIN}. With {@link Telemetry}
 * recording, the call is one span from its first attempt to its outcome, each attempt run in it.
 */
public class ApiInvoker {

    private static final Logger LOG = Logger.getLogger(ApiInvoker.class.getName());
    /** How much longer than a retry delay a blocking call waits for the timer before it gives up on it. */
    static final Duration WAIT_MARGIN = Duration.ofSeconds(5);

    private final CredentialSource credentials;
    private final RetryPolicy policy;
    private final Delays delays;
    private final AsyncExecutor executor;
    private final List<String> knownSecrets;
    private volatile Telemetry telemetry = Telemetry.off();

    public ApiInvoker(WonderfulSettings settings, CredentialSource credentials) {
        this(credentials, new RetryPolicy(settings.maxRetries(), Backoff.from(settings.retryDelay()), WireContract.RETRY_AFTER_CAP),
                new RetryTimer(), new AsyncExecutor(), settings.secrets());
    }

    ApiInvoker(CredentialSource credentials, RetryPolicy policy, Delays delays, AsyncExecutor executor, List<String> knownSecrets) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.delays = Objects.requireNonNull(delays, "delays");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.knownSecrets = List.copyOf(knownSecrets);
    }

    /**
     * Each call is then one span and is counted (README, "Telemetry"); without it, nothing is recorded. Called by
     * the client that builds this invoker, before its first call.
     */
    public void telemetry(Telemetry telemetry) {
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    }

    /**
     * Runs {@code call} with the library's credential and policy.
     *
     * @param operation a short name for messages and logs, for example {@code "chat.send"}; also the key of its
     *        retry policy ({@link RetryPolicy#kindOf})
     * @throws WonderfulException for every failure
     */
    public <T> T invoke(String operation, Supplier<T> call) {
        return invoke(operation, credentials, call);
    }

    /** {@link #invoke(String, Supplier)} with the credentials of {@code source} instead of the library's. */
    public <T> T invoke(String operation, CredentialSource source, Supplier<T> call) {
        return invoke(operation, source, ignoringCredential(call));
    }

    /**
     * Runs {@code call} as the identity of {@code source}: the call passes {@link Call#send}'s argument to its client
     * method's {@link Credential#CALL_HEADER} parameter, so one client serves every identity.
     */
    public <T> T invoke(String operation, CredentialSource source, Call<T> call) {
        return run(new Attempts<>(operation, source, call, RetryPolicy.kindOf(operation)));
    }

    /** {@link #invokeAtMostOnce(String, Supplier)} as the identity of {@code source}, as {@link #invoke(String, CredentialSource, Call)}. */
    public <T> T invokeAtMostOnce(String operation, CredentialSource source, Call<T> call) {
        return run(new Attempts<>(operation, source, call, RetryPolicy.Kind.AT_MOST_ONCE));
    }

    /**
     * {@link #invoke(String, Supplier)} for a call that must not take effect twice: a network failure is retried
     * only when the connection could not be opened, since after a reset or a read timeout the server may already
     * have acted on the request; such a failure is {@code NETWORK_ERROR} at once.
     */
    public <T> T invokeAtMostOnce(String operation, Supplier<T> call) {
        return invokeAtMostOnce(operation, credentials, ignoringCredential(call));
    }

    /** {@link #invoke} on another thread: the runtime's default managed executor where there is one. */
    public <T> CompletionStage<T> invokeAsync(String operation, Supplier<T> call) {
        return invokeAsync(operation, credentials, call);
    }

    /** {@link #invoke(String, CredentialSource, Supplier)} on another thread, as {@link #invokeAsync(String, Supplier)}. */
    public <T> CompletionStage<T> invokeAsync(String operation, CredentialSource source, Supplier<T> call) {
        return invokeAsync(operation, source, ignoringCredential(call));
    }

    /** {@link #invoke(String, CredentialSource, Call)} on another thread, as {@link #invokeAsync(String, Supplier)}. */
    public <T> CompletionStage<T> invokeAsync(String operation, CredentialSource source, Call<T> call) {
        Attempts<T> attempts = new Attempts<>(operation, source, call, RetryPolicy.kindOf(operation));
        CompletableFuture<T> result = new CompletableFuture<>();
        attemptAsync(attempts, executor.get(), result);
        return result;
    }

    /** A call that does not take the credential: its client's own filter reads the client's source. */
    private static <T> Call<T> ignoringCredential(Supplier<T> call) {
        Objects.requireNonNull(call, "call");
        return credential -> call.get();
    }

    public void close() {
        if (delays instanceof RetryTimer timer) {
            timer.close();
        }
        executor.close();
    }

    private <T> T run(Attempts<T> call) {
        try {
            while (true) {
                Step<T> step = call.attempt();
                if (step.done()) {
                    call.recorded.end(null);
                    return step.value();
                }
                awaitDelay(call.operation, step);
                call.next();
            }
        } catch (RuntimeException failure) {
            call.recorded.end(failure);
            throw failure;
        }
    }

    private <T> void attemptAsync(Attempts<T> call, Executor target, CompletableFuture<T> result) {
        try {
            target.execute(() -> {
                Step<T> step;
                try {
                    step = call.attempt();
                } catch (RuntimeException failure) {
                    call.recorded.end(failure);
                    result.completeExceptionally(failure);
                    return;
                }
                if (step.done()) {
                    call.recorded.end(null);
                    result.complete(step.value());
                    return;
                }
                delays.after(step.delay()).whenComplete((ok, failure) -> {
                    if (failure != null) {
                        WonderfulException error = notWaited(call.operation, step.error(), failure);
                        call.recorded.end(error);
                        result.completeExceptionally(error);
                    } else {
                        call.next();
                        attemptAsync(call, target, result);
                    }
                });
            });
        } catch (RuntimeException rejected) {
            WonderfulException error = new WonderfulException(ErrorCode.NETWORK_ERROR, call.operation
                    + ": the executor refused the call (" + rejected.getClass().getSimpleName() + ")", 0, true, rejected);
            call.recorded.end(error);
            result.completeExceptionally(error);
        }
    }

    private void awaitDelay(String operation, Step<?> step) {
        Duration delay = step.delay();
        try {
            delays.after(delay).get(delay.plus(WAIT_MARGIN).toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notWaited(operation, step.error(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw notWaited(operation, step.error(), e);
        }
    }

    private static WonderfulException notWaited(String operation, WonderfulException last, Throwable why) {
        return new WonderfulException(last.code(), operation + ": gave up waiting to retry (" + why.getClass().getSimpleName()
                + ") after: " + last.getMessage(), last.httpStatus().orElse(0), last.recoverable(),
                last.retryAfter().orElse(null), why);
    }

    /** The outcome of one attempt: the value, or the wait before the next attempt and the error that asks for it. */
    private record Step<T>(T value, Duration delay, WonderfulException error) {
        boolean done() {
            return delay == null;
        }
    }

    /** One call of the application: its attempts, the credential each one uses, and how many retries were made. */
    private final class Attempts<T> {

        final String operation;
        final CredentialSource source;
        final Call<T> call;
        final RetryPolicy.Kind kind;
        /** The call's span and metrics: every attempt runs in it, and it ends once with the call. */
        final Telemetry.Call recorded;
        /** The credential of the current attempt; read by the attempt itself. */
        Credential used;
        boolean resent;
        int retries;

        Attempts(String operation, CredentialSource source, Call<T> call, RetryPolicy.Kind kind) {
            this.operation = Objects.requireNonNull(operation, "operation");
            this.source = Objects.requireNonNull(source, "source");
            this.call = Objects.requireNonNull(call, "call");
            this.kind = kind;
            this.recorded = telemetry.begin(operation);
        }

        /**
         * One request (and, after a 401 on a bearer credential, one more with a refreshed credential).
         *
         * @throws WonderfulException when the failure is final
         */
        Step<T> attempt() {
            return recorded.attempt(this::requests);
        }

        private Step<T> requests() {
            if (used == null) {
                used = source.current(); // in the attempt, so that a refresh it makes is part of the call
            }
            while (true) {
                try {
                    return new Step<>(call.send(used.callHeader()), null, null);
                } catch (RuntimeException failure) {
                    WonderfulException error = scrubbed(translate(operation, failure));
                    if (error.httpStatus().orElse(0) == 401) {
                        if (!Reauthentication.mayResend(used, resent)) {
                            throw scrubbed(Reauthentication.refused(operation, used, resent, error));
                        }
                        used = source.afterUnauthorized(used);
                        resent = true;
                        LOG.fine(() -> operation + ": 401, re-sending once with a refreshed credential");
                        continue;
                    }
                    Optional<Duration> wait = policy.delayBeforeRetry(kind, failure, error, retries);
                    if (wait.isEmpty()) {
                        throw error;
                    }
                    LOG.log(Level.FINE, "{0}: {1}; retry {2} of {3} in {4} ms", new Object[] {operation,
                            error.getMessage(), retries + 1, policy.maxRetries(), wait.get().toMillis()});
                    return new Step<>(null, wait.get(), error);
                }
            }
        }

        /** Before the next attempt: one retry more, and the credential read afresh by that attempt. */
        void next() {
            retries++;
            used = null;
        }

        /** {@code error} with every known secret, the call's credential and anything secret-shaped masked. */
        WonderfulException scrubbed(WonderfulException error) {
            List<String> secrets = new ArrayList<>(knownSecrets);
            secrets.add(used.secret());
            String message = Redaction.scrub(error.getMessage(), secrets);
            if (message.equals(error.getMessage())) {
                return error;
            }
            return new WonderfulException(error.code(), message, error.httpStatus().orElse(0), error.recoverable(),
                    error.retryAfter().orElse(null), error.getCause());
        }
    }

    /**
     * One call of a library client made with the credential the invoker chose: {@code credentialHeader} goes to the
     * client method's {@code @HeaderParam(Credential.CALL_HEADER)} parameter. Must call the client synchronously.
     */
    @FunctionalInterface
    public interface Call<T> {
        T send(String credentialHeader);
    }

    /** Waits between retries, as futures; a seam so that tests need not wait. */
    @FunctionalInterface
    interface Delays {
        CompletableFuture<Void> after(Duration delay);
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
                    mapped.httpStatus().orElse(0), mapped.recoverable(), mapped.retryAfter().orElse(null), null);
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
}
