package cx.wonderful.it.support;

import cx.wonderful.testkit.WonderfulSimulator;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

/**
 * The simulator of the IT server, for the ITs: the test kit's {@link WonderfulSimulator}, located from the
 * failsafe JVM ({@code simulator.base-url}, set by it/pom.xml) or from inside the server ({@code wonderful.base-url}),
 * behind static methods so that a test reads {@code Simulator.reset()}.
 */
public final class Simulator {

    public static final String ADMIN_KEY = WonderfulSimulator.ADMIN_KEY;
    public static final String ADMIN_HEADER = WonderfulSimulator.ADMIN_HEADER;
    public static final String API_KEY = WonderfulSimulator.API_KEY;
    public static final String TENANT = WonderfulSimulator.TENANT;
    public static final String WORKSPACE = WonderfulSimulator.WORKSPACE;
    public static final String DEFAULT_AGENT = WonderfulSimulator.DEFAULT_AGENT;

    private Simulator() {
    }

    /** The test kit's client for this test's simulator (see the class comment for where it is found). */
    public static WonderfulSimulator kit() {
        return WonderfulSimulator.located();
    }

    public static URI baseUrl() {
        return kit().baseUrl();
    }

    /**
     * The simulator's context root as a path prefix: empty for the ordinary one at {@code /}, {@code /strict} in the
     * strict contract run (failsafe's {@code it.simulator.context}; see it/pom.xml).
     */
    public static String context() {
        return System.getProperty("it.simulator.context", "");
    }

    public static URI uri(String pathAndQuery) {
        return kit().uri(pathAndQuery);
    }

    public static JsonStructure admin(String method, String path, String jsonBody) {
        return kit().admin(method, path, jsonBody);
    }

    public static void reset() {
        kit().reset();
    }

    public static List<JsonObject> journal(String pathPrefix) {
        return kit().journal(pathPrefix);
    }

    public static void clearJournal() {
        kit().clearJournal();
    }

    public static void revoke(String token) {
        kit().revoke(token);
    }

    public static HttpResponse<String> send(HttpRequest request) {
        return WonderfulSimulator.send(request);
    }

    public static Optional<JsonStructure> parse(String body) {
        return WonderfulSimulator.parse(body);
    }
}
