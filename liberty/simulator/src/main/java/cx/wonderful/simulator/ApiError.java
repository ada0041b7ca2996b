package cx.wonderful.simulator;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Objects;

/** A failed request: the HTTP status and the simulator's error body {@code {"message": "...", "error": "<CODE>"}}. */
public class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public ApiError(int status, String code, String message) {
        super(Objects.requireNonNull(message, "message"));
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an error status is 4xx or 5xx");
        }
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
    }

    public static ApiError validation(String message) {
        return new ApiError(400, "VALIDATION_ERROR", message);
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, "INVALID_REQUEST", message);
    }

    public static ApiError unauthorized(String message) {
        return new ApiError(401, "UNAUTHORIZED", message);
    }

    public static ApiError notFound(String code, String message) {
        return new ApiError(404, code, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The wire body of this error. */
    public JsonObject body() {
        return StrictContract.errorBody(status, code, getMessage());
    }

    /** The error body of a 4xx (in strict mode the code is left out, as a real server may). */
    public static JsonObject body(String code, String message) {
        return StrictContract.errorBody(400, code, message);
    }
}
