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

    /** The error code; never {@code null}. */
    private final ErrorCode code;
    /** The HTTP status the error came with, 100 to 599, or 0 where there was none. */
    private final int httpStatus;
    /** Whether the same operation may succeed if tried again later. */
    private final boolean recoverable;
    /** The wait the server asked for ({@code Retry-After}), or {@code null} when it asked for none. */
    private final Duration retryAfter;

    /**
     * An error with no HTTP status, no {@code Retry-After} and no cause, recoverable as its code is by default
     * ({@link ErrorCode#recoverableByDefault()}).
     *
     * @param code the error code
     * @param message the message, fit for a log: it must not contain a credential
     * @throws NullPointerException when {@code code} or {@code message} is {@code null}
     */
    public WonderfulException(ErrorCode code, String message) {
        this(code, message, 0, code.recoverableByDefault(), null);
    }

    /**
     * An error with no HTTP status and no {@code Retry-After}, recoverable as its code is by default
     * ({@link ErrorCode#recoverableByDefault()}).
     *
     * @param code the error code
     * @param message the message, fit for a log: it must not contain a credential
     * @param cause the exception that caused this one, or {@code null} for none
     * @throws NullPointerException when {@code code} or {@code message} is {@code null}
     */
    public WonderfulException(ErrorCode code, String message, Throwable cause) {
        this(code, message, 0, code.recoverableByDefault(), cause);
    }

    /**
     * An error with no {@code Retry-After}.
     *
     * @param code the error code
     * @param message the message, fit for a log: it must not contain a credential
     * @param httpStatus the HTTP status the error came with, or 0 where there was none
     * @param recoverable whether the same operation may succeed if tried again later
     * @param cause the exception that caused this one, or {@code null} for none
     * @throws NullPointerException when {@code code} or {@code message} is {@code null}
     * @throws IllegalArgumentException for a {@code httpStatus} other than 0 outside 100..599
     */
    public WonderfulException(ErrorCode code, String message, int httpStatus, boolean recoverable, Throwable cause) {
        this(code, message, httpStatus, recoverable, null, cause);
    }

    /**
     * An error with every detail given.
     *
     * @param code the error code
     * @param message the message, fit for a log: it must not contain a credential
     * @param httpStatus the HTTP status the error came with, or 0 where there was none
     * @param recoverable whether the same operation may succeed if tried again later
     * @param retryAfter the wait the server asked for ({@code Retry-After}), or null when it asked for none
     * @param cause the exception that caused this one, or {@code null} for none
     * @throws NullPointerException when {@code code} or {@code message} is {@code null}
     * @throws IllegalArgumentException for a negative {@code retryAfter} or a {@code httpStatus} other than 0
     *         outside 100..599
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

    /**
     * What went wrong.
     *
     * @return the error code, never {@code null}
     */
    public ErrorCode code() {
        return code;
    }

    /**
     * The HTTP status of the response this error came from, if it came from one.
     *
     * @return the status, 100 to 599; empty when the error did not come from an HTTP response
     */
    public OptionalInt httpStatus() {
        return httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /**
     * Whether the same operation may succeed if tried again later.
     *
     * @return the value given to the constructor; for the constructors without it, the code's
     *         {@link ErrorCode#recoverableByDefault()}
     */
    public boolean recoverable() {
        return recoverable;
    }

    /**
     * How long the server asked the client to wait before trying again ({@code Retry-After} of a 429 or a 503).
     *
     * @return the wait, zero or positive; empty when the server asked for none
     */
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
