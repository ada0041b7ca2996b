package cx.wonderful.simulator.journal;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Objects;

/**
 * One request or WebSocket handshake as the simulator saw it. The credential is masked; the secret is never kept.
 *
 * @param seq position in the journal, from 1
 * @param time when the request arrived
 * @param method HTTP method
 * @param path request path
 * @param query raw query string, or null
 * @param webSocket whether it was a WebSocket handshake
 * @param credentialKind {@code apikey}, {@code jwt}, {@code token}, or null when none was presented
 * @param credential the masked credential, or null
 * @param status the HTTP status answered (101 for an accepted handshake, 0 for an aborted connection)
 * @param subject the end user the accepted credential stands for (a JWT's {@code sub}, a token's subject), or null
 *        for the API key, a refused credential or none
 */
public record JournalEntry(long seq, Instant time, String method, String path, String query, boolean webSocket,
        String credentialKind, String credential, int status, String subject) {

    public JournalEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("seq", seq).add("time", time.toString())
                .add("method", method).add("path", path).add("websocket", webSocket).add("status", status);
        addOrNull(json, "query", query);
        addOrNull(json, "credential_kind", credentialKind);
        addOrNull(json, "credential", credential);
        addOrNull(json, "sub", subject);
        return json.build();
    }

    private static void addOrNull(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}
