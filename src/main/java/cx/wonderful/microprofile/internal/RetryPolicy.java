package cx.wonderful.microprofile.internal;

import cx.wonderful.microprofile.WonderfulException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which failures of which calls are tried again, and after how long: the library's retry policy in one place (the
 * README's retry table mirrors {@link #KINDS}).
 *
 * <table>
 * <caption>Retries by kind of call</caption>
 * <tr><th>kind</th><th>calls</th><th>connection failure or timeout</th><th>429, 502, 503, 504</th></tr>
 * <tr><td>{@link Kind#READ}</td><td>communications list and get, chat history (recover)</td><td>retried</td>
 * <td>retried; after {@code Retry-After} when the server gives one, up to {@link WireContract#RETRY_AFTER_CAP}</td></tr>
 * <tr><td>{@link Kind#WRITE}</td><td>sign, chat end, anything not listed</td><td>retried</td><td>not retried</td></tr>
 * <tr><td>{@link Kind#AT_MOST_ONCE}</td><td>chat start, chat send</td><td>retried only when the connection could not
 * be opened (the request never left)</td><td>not retried</td></tr>
 * </table>
 * A 401 is the refresh path's business ({@link ApiInvoker}), never a retry; any other error response is final. At
 * most {@code maxRetries} retries are made whatever the failures, the first after {@code backoff.delay(0)}.
 */
public final class RetryPolicy {

    /** How much a call may be repeated. */
    public enum Kind {
        /** Idempotent reads: repeating one changes nothing on the server. */
        READ,
        /** Calls whose repetition is harmless (a second JWT, an end of an ended chat) but that are not reads. */
        WRITE,
        /** Calls that must not take effect twice (a second chat, a message sent twice). */
        AT_MOST_ONCE
    }

    /** The kind of each operation the library runs; an operation not listed is {@link Kind#WRITE}. */
    static final Map<String, Kind> KINDS = Map.of(
            "communications.list", Kind.READ,
            "communications.get", Kind.READ,
            "chat.recover", Kind.READ,
            "chat.start", Kind.AT_MOST_ONCE,
            "chat.send", Kind.AT_MOST_ONCE);

    private final int maxRetries;
    private final Backoff backoff;
    private final Duration retryAfterCap;

    /**
     * @param maxRetries retries after the first attempt, {@code >= 0}
     * @param retryAfterCap the longest {@code Retry-After} waited for; a longer one ends the call
     */
    public RetryPolicy(int maxRetries, Backoff backoff, Duration retryAfterCap) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative: " + maxRetries);
        }
        this.maxRetries = maxRetries;
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.retryAfterCap = Objects.requireNonNull(retryAfterCap, "retryAfterCap");
        if (retryAfterCap.isNegative()) {
            throw new IllegalArgumentException("retryAfterCap must not be negative: " + retryAfterCap);
        }
    }

    public static Kind kindOf(String operation) {
        return KINDS.getOrDefault(operation, Kind.WRITE);
    }

    public int maxRetries() {
        return maxRetries;
    }

    /**
     * The wait before retrying a call of {@code kind} after {@code failure} (translated to {@code error}), when
     * {@code retriesDone} retries were made already; empty when the call must end with {@code error}.
     */
    public Optional<Duration> delayBeforeRetry(Kind kind, Throwable failure, WonderfulException error, int retriesDone) {
        if (retriesDone >= maxRetries) {
            return Optional.empty();
        }
        if (ApiInvoker.isNetworkFailure(failure)) {
            if (kind == Kind.AT_MOST_ONCE && !ApiInvoker.neverSent(failure)) {
                return Optional.empty();
            }
            return Optional.of(backoff.delay(retriesDone));
        }
        int status = error.httpStatus().orElse(0);
        if (kind == Kind.READ && (status == 429 || status == 502 || status == 503 || status == 504)) {
            Optional<Duration> asked = error.retryAfter();
            if (asked.isPresent()) {
                return asked.get().compareTo(retryAfterCap) > 0 ? Optional.empty() : asked;
            }
            return Optional.of(backoff.delay(retriesDone));
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxRetries=" + maxRetries + ", " + backoff + ", retryAfterCap=" + retryAfterCap + "]";
    }
}
