package cx.wonderful.microprofile;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The one exception type of the library: a {@link ErrorCode code}, a message fit for a log (it never contains a
 * credential), the HTTP status where the error came from an HTTP response, whether trying again may help, and,
 * when the server said so with {@code Retry-After} (on a 429 or a 503), how long to wait before trying again.
 */
public class WonderfulException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final int httpStatus;
    private final boolean recoverable;
    private final Duration retryAfter;

    public WonderfulException(ErrorCode code, String message) {
        this(code, message, 0, code.recoverableByDefault(), null);
    }

    public WonderfulException(ErrorCode code, String message, Throwable cause) {
        this(code, message, 0, code.recoverableByDefault(), cause);
    }

    /**
     * @param httpStatus the HTTP status the error came with, or 0 where there was none
     */
    public WonderfulException(ErrorCode code, String message, int httpStatus, boolean recoverable, Throwable cause) {
        this(code, message, httpStatus, recoverable, null, cause);
    }

    /**
     * @param httpStatus the HTTP status the error came with, or 0 where there was none
     * @param retryAfter the wait the server asked for ({@code Retry-After}), or null when it asked for none
     * @throws IllegalArgumentException for a negative {@code retryAfter} or a status outside 100..599
     */
    public WonderfulException(ErrorCode code, String message, int httpStatus, boolean recoverable, Duration retryAfter,
            Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        if (retryAfter != null && retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative, was " + retryAfter);
        }
        this.retryAfter = retryAfter;
        this.code = Objects.requireNonNull(code, "code");
        if (httpStatus != 0 && (httpStatus < 100 || httpStatus > 599)) {
            throw new IllegalArgumentException("httpStatus must be 0 or a status code, was " + httpStatus);
        }
        this.httpStatus = httpStatus;
        this.recoverable = recoverable;
    }

    public ErrorCode code() {
        return code;
    }

    /** The HTTP status of the response this error came from, if it came from one. */
    public OptionalInt httpStatus() {
        return httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /** Whether the same operation may succeed if tried again later. */
    public boolean recoverable() {
        return recoverable;
    }

    /** How long the server asked the client to wait before trying again ({@code Retry-After} of a 429 or a 503). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public String toString() {
        return "WonderfulException[" + code + (httpStatus == 0 ? "" : ", HTTP " + httpStatus)
                + (recoverable ? ", recoverable" : "")
                + (retryAfter == null ? "" : ", retry after " + retryAfter.toSeconds() + " s") + "]: " + getMessage();
    }
}
