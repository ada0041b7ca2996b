package cx.wonderful.it.bench;

import cx.wonderful.it.support.Simulator;
import jakarta.json.JsonObject;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The baselines' way to the simulator without the library: a chat created with one plain HTTP call, and the agent
 * chat WebSocket opened on the runtime's own container with the API key in {@code Sec-WebSocket-Protocol}.
 */
final class RawChat {

    private static final WebSocketContainer CONTAINER = ContainerProvider.getWebSocketContainer();
    /**
     * HTTP/1.1 only, for the many calls of the scale and end-user benchmarks: the JDK client's default (HTTP/2,
     * upgraded from h2c on each new connection) timed out under 8 concurrent callers against Liberty here.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private RawChat() {
    }

    /** Creates a chat session over Chat V3 REST with the API key and returns its id. */
    static String createSession(int n) {
        String body = "{\"agent_id\":\"" + Simulator.DEFAULT_AGENT + "\",\"comm_type\":\"chat\",\"from\":\"raw-" + n
                + "@acme.example\",\"from_type\":\"email\"}";
        HttpRequest request = HttpRequest.newBuilder(Simulator.uri("/api/workspace/" + Simulator.WORKSPACE + "/v3/chat"))
                .timeout(TIMEOUT)
                .header("x-api-key", Simulator.API_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new AssertionError("creating a raw chat answered " + response.statusCode() + ": " + response.body());
        }
        return ((JsonObject) Simulator.parse(response.body()).orElseThrow()).getJsonObject("data").getString("session_id");
    }

    /** Opens the agent chat socket of {@code sessionId}, resuming after transcript {@code after} when it is not null. */
    static Session connect(RawChatSocket endpoint, String sessionId, String after) throws IOException, DeploymentException {
        String base = Simulator.baseUrl().toString().replaceFirst("^http", "ws");
        String uri = base + "/api/v1/agents/" + Simulator.DEFAULT_AGENT + "/chat?commType=chat&sessionId="
                + URLEncoder.encode(sessionId, StandardCharsets.UTF_8)
                + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .preferredSubprotocols(List.of("apikey", Simulator.API_KEY))
                .configurator(new ClientEndpointConfig.Configurator() {
                    @Override
                    public void beforeRequest(Map<String, List<String>> headers) {
                        headers.keySet().removeIf(name -> name.equalsIgnoreCase("Sec-WebSocket-Protocol"));
                        headers.put("Sec-WebSocket-Protocol", new ArrayList<>(List.of("apikey, " + Simulator.API_KEY)));
                    }
                })
                .build();
        return CONTAINER.connectToServer(endpoint, config, URI.create(uri));
    }

    /** Makes the simulator push {@code turns} customer turns (2 transcripts each) to session {@code sessionId}. */
    static void emit(String sessionId, int turns) {
        admin("POST", "/__admin/sessions/" + sessionId + "/emit", "{\"count\":" + turns + "}");
    }

    /** A simulator admin call on this class's HTTP/1.1 client; fails unless it answers 2xx. */
    static void admin(String method, String pathAndQuery, String jsonBody) {
        HttpRequest request = HttpRequest.newBuilder(Simulator.uri(pathAndQuery)).timeout(TIMEOUT)
                .header(Simulator.ADMIN_HEADER, Simulator.ADMIN_KEY)
                .header("Content-Type", "application/json")
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("simulator admin " + method + " " + pathAndQuery + " answered " + response.statusCode()
                    + ": " + response.body());
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + request.uri(), e);
        }
    }
}
