package cx.wonderful.testkit;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Wonderful API simulator ({@code cx.wonderful:wonderful-simulator:war}, deployed at context root {@code /})
 * as a test sees it: its base URL, its demo accounts, and its admin API (reset, faults, token revocation and
 * expiry, refused WebSocket handshakes, socket drops, the request journal), over plain {@code java.net.http}.
 * Every admin call is bounded (30 s) and fails the test with an {@link AssertionError} on a non-2xx answer.
 *
 * <pre>{@code
 * WonderfulSimulator simulator = WonderfulSimulator.at(URI.create("http://localhost:9080"));
 * simulator.reset();
 * simulator.failNext("/api/v1/communications", 1, 503);
 * ... call your application ...
 * assertEquals(2, simulator.journal("/api/v1/communications").size());
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class WonderfulSimulator {

    /** System property with the simulator's base URL, for tests outside the server (Arquillian's client side). */
    public static final String BASE_URL_PROPERTY = "simulator.base-url";
    /** The simulator's default admin key ({@code simulator.admin-key}) and the header it travels in. */
    public static final String ADMIN_KEY = "sim-admin";
    public static final String ADMIN_HEADER = "X-Simulator-Admin-Key";
    /** The simulator's default demo accounts ({@code simulator.*} keys; demo values, not secrets). */
    public static final String API_KEY = "sim-key-acme";
    public static final String TENANT = "acme";
    public static final String WORKSPACE = "ws-acme";
    public static final String DEFAULT_AGENT = "agent-support";
    /** A Wonderful token of tenant {@code acme}, subject {@code alice}. */
    public static final String ALICE_TOKEN = "sim-token-acme-alice";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final URI baseUrl;
    private final String adminKey;

    private WonderfulSimulator(URI baseUrl, String adminKey) {
        this.baseUrl = URI.create(Objects.requireNonNull(baseUrl, "baseUrl").toString().replaceFirst("/+$", ""));
        if (this.baseUrl.getScheme() == null || this.baseUrl.getHost() == null) {
            throw new IllegalArgumentException("the simulator's base URL must be absolute, was " + baseUrl);
        }
        this.adminKey = Objects.requireNonNull(adminKey, "adminKey");
    }

    /** The simulator at {@code baseUrl} (for example {@code http://localhost:9080}), with the default admin key. */
    public static WonderfulSimulator at(URI baseUrl) {
        return new WonderfulSimulator(baseUrl, ADMIN_KEY);
    }

    /** The same simulator, reached with another admin key (a server that sets {@code simulator.admin-key}). */
    public WonderfulSimulator withAdminKey(String key) {
        return new WonderfulSimulator(baseUrl, key);
    }

    /**
     * The simulator the test is pointed at: the {@value #BASE_URL_PROPERTY} system property (set it in failsafe's
     * {@code systemPropertyVariables} for client-side tests), else, inside the server, the library's own
     * {@code wonderful.base-url} from MicroProfile Config (the simulator is then the API the library talks to).
     *
     * @throws IllegalStateException when neither is set
     */
    public static WonderfulSimulator located() {
        String property = System.getProperty(BASE_URL_PROPERTY);
        if (property != null && !property.isBlank()) {
            return at(URI.create(property.trim()));
        }
        Optional<String> configured;
        try {
            configured = org.eclipse.microprofile.config.ConfigProvider.getConfig().getOptionalValue("wonderful.base-url", String.class);
        } catch (RuntimeException | LinkageError e) {
            configured = Optional.empty(); // no MicroProfile Config here: outside a server
        }
        return at(URI.create(configured.orElseThrow(() -> new IllegalStateException("where is the simulator? Set the system property "
                + BASE_URL_PROPERTY + " (outside the server) or wonderful.base-url (inside it)"))));
    }

    /** The base URL, without a trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** {@code pathAndQuery} (starting with {@code /}) on the simulator. */
    public URI uri(String pathAndQuery) {
        return URI.create(baseUrl + pathAndQuery);
    }

    /**
     * The library's settings that point it at this simulator with its demo accounts: {@code wonderful.base-url},
     * {@code api-key}, {@code tenant-id}, {@code workspace-id}, {@code agent-id}; for a test archive's
     * {@code microprofile-config.properties} ({@link WonderfulDeployments#war(String, Map)}) or system properties.
     */
    public Map<String, String> libraryConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("wonderful.base-url", baseUrl.toString());
        config.put("wonderful.api-key", API_KEY);
        config.put("wonderful.tenant-id", TENANT);
        config.put("wonderful.workspace-id", WORKSPACE);
        config.put("wonderful.agent-id", DEFAULT_AGENT);
        return config;
    }

    /** {@code POST /__admin/reset}: chats ended and forgotten, revocations, faults and journal cleared. */
    public void reset() {
        admin("POST", "/__admin/reset", null);
    }

    /** The whole request journal, oldest first (credentials masked by the simulator). */
    public List<JsonObject> journal() {
        return journal("/");
    }

    /** The journal entries whose path starts with {@code pathPrefix}, oldest first. */
    public List<JsonObject> journal(String pathPrefix) {
        return admin("GET", "/__admin/journal?path=" + URLEncoder.encode(pathPrefix, StandardCharsets.UTF_8), null)
                .asJsonObject().getJsonArray("data").getValuesAs(JsonObject.class);
    }

    public void clearJournal() {
        admin("DELETE", "/__admin/journal", null);
    }

    /** Revokes one token (a JWT or a Wonderful token): refused with 401 from now on. */
    public void revoke(String token) {
        admin("POST", "/__admin/tokens/revoke", object("token", token));
    }

    /** Revokes every token issued so far for {@code subject} (an end user's id); one signed later works. */
    public void revokeSubject(String subject) {
        admin("POST", "/__admin/tokens/revoke", object("subject", subject));
    }

    /** Makes one token answer 401 "token expired" from now on. */
    public void expire(String token) {
        admin("POST", "/__admin/tokens/expire", object("token", token));
    }

    /** The next {@code times} requests whose path starts with {@code pathPrefix} answer {@code status}. */
    public void failNext(String pathPrefix, int times, int status) {
        fault(Json.createObjectBuilder().add("path", pathPrefix).add("times", times).add("status", status).build());
    }

    /** The next {@code times} requests whose path starts with {@code pathPrefix} wait {@code delay}, then proceed. */
    public void delayNext(String pathPrefix, int times, Duration delay) {
        fault(Json.createObjectBuilder().add("path", pathPrefix).add("times", times).add("delay_ms", delay.toMillis()).build());
    }

    /** The next {@code times} requests whose path starts with {@code pathPrefix} lose their connection, unanswered. */
    public void resetNext(String pathPrefix, int times) {
        fault(Json.createObjectBuilder().add("path", pathPrefix).add("times", times).add("reset", true).build());
    }

    /** Any fault of {@code POST /__admin/faults} ({@code method, path, times, status, body, delay_ms, reset}). */
    public JsonObject fault(JsonObject fault) {
        return admin("POST", "/__admin/faults", fault.toString()).asJsonObject();
    }

    public void clearFaults() {
        admin("DELETE", "/__admin/faults", null);
    }

    /** The next {@code times} WebSocket handshakes are answered with HTTP {@code status}, not upgraded. */
    public void refuseHandshakes(int times, int status) {
        admin("POST", "/__admin/handshakes/refuse", Json.createObjectBuilder().add("times", times).add("status", status).build().toString());
    }

    /**
     * Closes the chat session's sockets with {@code closeCode} ({@code 1006}: the TCP connection is aborted with no
     * close frame); the chat stays open, so a client can resume. Returns the number of sockets dropped.
     */
    public int dropSockets(String sessionId, int closeCode) {
        return admin("POST", "/__admin/sessions/" + path(sessionId) + "/drop",
                Json.createObjectBuilder().add("code", closeCode).build().toString())
                .asJsonObject().getJsonObject("data").getInt("dropped");
    }

    /** The simulator's record of a chat session: participants, sockets attached now, {@code ended_by}. */
    public JsonObject session(String sessionId) {
        return admin("GET", "/__admin/sessions/" + path(sessionId), null).asJsonObject().getJsonObject("data");
    }

    /** Any admin request ({@code jsonBody} may be null); the parsed answer, or an empty object for an empty body. */
    public JsonStructure admin(String method, String pathAndQuery, String jsonBody) {
        HttpRequest request = HttpRequest.newBuilder(uri(pathAndQuery))
                .timeout(TIMEOUT)
                .header(ADMIN_HEADER, adminKey)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("simulator admin " + method + " " + pathAndQuery + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return parse(response.body()).orElse(JsonObject.EMPTY_JSON_OBJECT);
    }

    /** Sends any request with the test kit's client (connect timeout 10 s; give the request its own timeout). */
    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + request.uri(), e);
        }
    }

    /** The JSON in {@code body}, or empty for a blank body. */
    public static Optional<JsonStructure> parse(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return Optional.of(reader.read());
        }
    }

    @Override
    public String toString() {
        return "WonderfulSimulator[" + baseUrl + "]";
    }

    private static String object(String name, String value) {
        return Json.createObjectBuilder().add(name, Objects.requireNonNull(value, name)).build().toString();
    }

    private static String path(String segment) {
        return URLEncoder.encode(Objects.requireNonNull(segment, "sessionId"), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
