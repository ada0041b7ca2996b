package cx.wonderful.simulator.admin;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Objects;

/**
 * An injected failure for the next {@code times} requests whose method matches (any when null) and whose path
 * starts with {@code pathPrefix}: wait {@code delayMs}, then abort the connection ({@code reset}), or answer
 * {@code status} with {@code body}, or (delay only) carry on normally.
 *
 * @param handshakesOnly match WebSocket handshakes only
 */
public record Fault(long id, String method, String pathPrefix, int times, boolean handshakesOnly, long delayMs,
        boolean reset, int status, JsonObject body) {

    public Fault {
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        if (!pathPrefix.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /");
        }
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        if (delayMs < 0) {
            throw new IllegalArgumentException("delay_ms must not be negative");
        }
        if (status != 0 && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("status must be 4xx or 5xx");
        }
        if (reset && status != 0) {
            throw new IllegalArgumentException("a fault either resets the connection or answers a status");
        }
        if (!reset && status == 0 && delayMs == 0) {
            throw new IllegalArgumentException("a fault needs a status, reset or delay_ms");
        }
    }

    /** Whether this fault applies to a request. */
    public boolean matches(String requestMethod, String path, boolean webSocket) {
        return (method == null || method.equalsIgnoreCase(requestMethod)) && path.startsWith(pathPrefix)
                && (!handshakesOnly || webSocket);
    }

    /** The same fault with one use fewer. */
    Fault used() {
        return new Fault(id, method, pathPrefix, times - 1, handshakesOnly, delayMs, reset, status, body);
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", id).add("path", pathPrefix).add("times", times)
                .add("websocket_only", handshakesOnly).add("delay_ms", delayMs).add("reset", reset);
        if (method == null) {
            json.addNull("method");
        } else {
            json.add("method", method);
        }
        if (status == 0) {
            json.addNull("status");
        } else {
            json.add("status", status);
        }
        if (body == null) {
            json.addNull("body");
        } else {
            json.add("body", body);
        }
        return json.build();
    }
}
