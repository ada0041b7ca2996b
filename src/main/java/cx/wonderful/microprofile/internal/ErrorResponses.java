package cx.wonderful.microprofile.internal;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Turns an error response of the Wonderful API into a {@link WonderfulException} (shared/wonderful-api.md §2.1):
 * the message comes from {@code message}, else {@code detail}, else {@code error}, at the top level or inside
 * {@code data}; the code from the status, refined by the body's {@code error} where the status alone is
 * ambiguous (400, 404). The status is the reliable signal (§2.5): a 409 is {@code SESSION_ENDED} whatever its body
 * (the contract's only conflict), and a body that is empty, not JSON or of another shape still gives the status.
 * The server's text is made one printable line, bounded, with anything secret-shaped masked ({@link Redaction});
 * a {@code Retry-After} (seconds or an HTTP-date) becomes {@link WonderfulException#retryAfter()}.
 */
public final class ErrorResponses {

    /** Longest server message kept in an exception; an error body is not a place for essays. */
    static final int MAX_MESSAGE_LENGTH = 300;

    private ErrorResponses() {
    }

    /** The exception for an error response; reads (and so consumes) its entity. */
    public static WonderfulException toException(Response response) {
        int status = response.getStatus();
        Optional<JsonObject> body = body(response);
        Optional<String> bodyCode = body.flatMap(b -> field(b, "error"));
        Optional<String> serverMessage = body.flatMap(ErrorResponses::message);
        ErrorCode code = code(status, bodyCode.orElse(""));
        String message = "HTTP " + status + serverMessage.map(m -> ": " + m)
                .orElseGet(() -> Optional.ofNullable(response.getStatusInfo().getReasonPhrase())
                        .filter(r -> !r.isBlank()).map(r -> " " + clean(r)).orElse(""));
        Duration retryAfter = retryAfter(response.getHeaderString(WireContract.HEADER_RETRY_AFTER), Clock.systemUTC())
                .orElse(null);
        return new WonderfulException(code, message, status, code.recoverableByDefault(), retryAfter, null);
    }

    /**
     * A {@code Retry-After} value (RFC 9110 §10.2.3): a number of seconds, or an HTTP-date (then the time left from
     * now in whole seconds rounded up, zero when it is past). Empty when absent or unreadable.
     */
    static Optional<Duration> retryAfter(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        if (value.matches("\\d{1,10}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration left = Duration.between(clock.instant(), at);
            // Whole seconds, rounded up: never earlier than the server asked.
            long seconds = left.isNegative() ? 0 : left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0);
            return Optional.of(Duration.ofSeconds(seconds));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The library's one status-to-code policy, for HTTP answers and refused WebSocket handshakes alike: 400
     * {@code INVALID_REQUEST} ({@code VALIDATION_ERROR} when the body's {@code error} says so), 401
     * {@code UNAUTHORIZED}, 403 {@code FORBIDDEN}, 404 {@code NOT_FOUND} ({@code SESSION_NOT_FOUND} when the body
     * says so), 409 {@code SESSION_ENDED} whatever the body, 429 {@code RATE_LIMITED}, another 4xx
     * {@code INVALID_REQUEST}, 5xx {@code SERVER_ERROR}, anything else {@code UNEXPECTED_RESPONSE}. Whether the
     * error is recoverable is the code's {@link ErrorCode#recoverableByDefault()}.
     *
     * @param bodyCode the error body's {@code error} value; empty when there is no body (a handshake)
     */
    public static ErrorCode code(int status, String bodyCode) {
        if (status >= 500 && status <= 599) {
            return ErrorCode.SERVER_ERROR;
        }
        return switch (status) {
            case 400 -> ErrorCode.VALIDATION_ERROR.name().equals(bodyCode) ? ErrorCode.VALIDATION_ERROR : ErrorCode.INVALID_REQUEST;
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.SESSION_NOT_FOUND.name().equals(bodyCode) ? ErrorCode.SESSION_NOT_FOUND : ErrorCode.NOT_FOUND;
            case 409 -> ErrorCode.SESSION_ENDED;
            case 429 -> ErrorCode.RATE_LIMITED;
            default -> status >= 400 && status <= 499 ? ErrorCode.INVALID_REQUEST : ErrorCode.UNEXPECTED_RESPONSE;
        };
    }

    private static Optional<JsonObject> body(Response response) {
        if (!response.hasEntity()) {
            return Optional.empty();
        }
        try {
            String text = response.readEntity(String.class);
            if (text == null || text.isBlank()) {
                return Optional.empty();
            }
            try (JsonReader reader = JsonValues.JSON.createReader(new StringReader(text))) {
                JsonStructure read = reader.read();
                return read instanceof JsonObject object ? Optional.of(object) : Optional.empty();
            }
        } catch (JsonException | ProcessingException | IllegalStateException e) {
            return Optional.empty(); // a body that is not JSON still has a status to report
        }
    }

    private static Optional<String> message(JsonObject body) {
        Optional<String> top = field(body, "message").or(() -> field(body, "detail"));
        JsonValue data = body.get("data");
        Optional<String> nested = data instanceof JsonObject inner
                ? field(inner, "message").or(() -> field(inner, "detail")).or(() -> field(inner, "error"))
                : Optional.empty();
        return top.or(() -> nested).or(() -> field(body, "error")).map(ErrorResponses::clean);
    }

    private static Optional<String> field(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonString text && !text.getString().isBlank()
                ? Optional.of(text.getString()) : Optional.empty();
    }

    /** One line, printable, bounded, secret shapes masked: a server message ends up in logs. */
    private static String clean(String message) {
        String line = Redaction.scrub(message.replaceAll("\\p{Cntrl}", " ")).strip();
        return line.length() > MAX_MESSAGE_LENGTH ? line.substring(0, MAX_MESSAGE_LENGTH) + "..." : line;
    }
}
