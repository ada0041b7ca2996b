package cx.wonderful.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The simulator on the test server, as tests reach it: its base URL (from the failsafe JVM or from inside the
 * server) and its admin API (guarded by the admin key), with plain {@code java.net.http}.
 */
public final class Simulator {

    /** The simulator's admin key (its own test configuration, not a Wonderful secret). */
    public static final String ADMIN_KEY = "sim-admin";
    public static final String ADMIN_HEADER = "X-Simulator-Admin-Key";
    /** The simulator's demo accounts used by the tests. */
    public static final String API_KEY = "sim-key-acme";
    public static final String TENANT = "acme";
    public static final String WORKSPACE = "ws-acme";
    public static final String DEFAULT_AGENT = "agent-support";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Simulator() {
    }

    /**
     * The server's base URL: from the {@code it.http.port} system property when running as a client (failsafe),
     * else from the {@code wonderful.base-url} server variable when running inside Liberty.
     */
    public static URI baseUrl() {
        String port = System.getProperty("it.http.port");
        if (port != null) {
            return URI.create("http://localhost:" + port + context());
        }
        return URI.create(ConfigProvider.getConfig().getValue("wonderful.base-url", String.class));
    }

    /**
     * The simulator's context root as a path prefix: empty for the ordinary one at {@code /}, {@code /strict} for the
     * strict contract run (failsafe's {@code it.simulator.context}; see it/pom.xml).
     */
    public static String context() {
        return System.getProperty("it.simulator.context", "");
    }

    /** The simulator's URL for {@code pathAndQuery} (absolute, from the simulator's root). */
    public static URI uri(String pathAndQuery) {
        String base = baseUrl().toString().replaceAll("/$", "");
        return URI.create(base + (pathAndQuery.startsWith("/") ? "" : "/") + pathAndQuery);
    }

    /** Sends an admin request; fails the test on a non-2xx answer. */
    public static JsonStructure admin(String method, String path, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .header(ADMIN_HEADER, ADMIN_KEY)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("simulator admin " + method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body()).orElse(JsonObject.EMPTY_JSON_OBJECT);
    }

    /** {@code POST /__admin/reset}: sessions, revocations, faults and journal back to the start. */
    public static void reset() {
        admin("POST", "/__admin/reset", null);
    }

    /** The journal entries whose path starts with {@code pathPrefix}, oldest first. */
    public static List<JsonObject> journal(String pathPrefix) {
        JsonObject answer = admin("GET", "/__admin/journal?path=" + URLEncoder.encode(pathPrefix, StandardCharsets.UTF_8), null)
                .asJsonObject();
        return answer.getJsonArray("data").getValuesAs(JsonObject.class);
    }

    public static void clearJournal() {
        admin("DELETE", "/__admin/journal", null);
    }

    /** Revokes one token (a JWT or a Wonderful token): it is refused from now on. */
    public static void revoke(String token) {
        admin("POST", "/__admin/tokens/revoke", "{\"token\":\"" + token + "\"}");
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Optional<JsonStructure> parse(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return Optional.of(reader.read());
        }
    }
}
