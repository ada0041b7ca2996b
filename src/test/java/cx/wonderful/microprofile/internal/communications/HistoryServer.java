package cx.wonderful.microprofile.internal.communications;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A small communications API on 127.0.0.1 for unit tests: serves the given records with real paging and the
 * {@code type} filter, answers {@code GET .../{id}} or 404, and records every request with its raw query string.
 */
public final class HistoryServer implements AutoCloseable {

    /** A recorded request; {@code params} are URL-decoded. */
    public record Seen(String method, String path, String rawQuery, Map<String, String> params, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<JsonObject> records;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile int refuseStatus;
    private volatile String refuseBody;

    public HistoryServer(List<JsonObject> records) throws IOException {
        this.records = List.copyOf(records);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** {@code count} records {@code c-1..c-count}, types cycling voice, chat, email, task. */
    public static List<JsonObject> numbered(int count) {
        String[] types = {"voice", "chat", "email", "task"};
        return IntStream.rangeClosed(1, count).mapToObj(i -> Json.createObjectBuilder()
                .add("id", "c-" + i).add("type", types[(i - 1) % 4]).add("direction", i % 2 == 0 ? "outbound" : "inbound")
                .add("start_time", 1_714_557_600_000L + i * 60_000L).add("duration", i * 1000)
                .add("custom_field", "x" + i).build()).toList();
    }

    /** From now on, every request is answered with {@code status} and {@code body}; 0 goes back to serving. */
    public void refuse(int status, String body) {
        this.refuseBody = body;
        this.refuseStatus = status;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            Map<String, String> params = new LinkedHashMap<>();
            if (rawQuery != null) {
                for (String pair : rawQuery.split("&")) {
                    int eq = pair.indexOf('=');
                    params.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
                }
            }
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            String path = exchange.getRequestURI().getPath();
            seen.add(new Seen(exchange.getRequestMethod(), path, rawQuery, params, headers));
            if (refuseStatus != 0) {
                reply(exchange, refuseStatus, refuseBody);
            } else if (path.equals("/api/v1/communications")) {
                reply(exchange, 200, list(params).toString());
            } else if (path.startsWith("/api/v1/communications/")) {
                String id = path.substring("/api/v1/communications/".length());
                Optional<JsonObject> found = records.stream().filter(r -> r.getString("id").equals(id)).findFirst();
                reply(exchange, found.isPresent() ? 200 : 404, found.isPresent()
                        ? Json.createObjectBuilder().add("data", withTranscriptions(found.get())).build().toString()
                        : "{\"message\":\"communication not found\",\"error\":\"NOT_FOUND\"}");
            } else {
                reply(exchange, 404, "{\"message\":\"no such endpoint\"}");
            }
        }
    }

    private JsonObject list(Map<String, String> params) {
        JsonObject filters;
        try (JsonReader reader = Json.createReader(new StringReader(params.get("filters")))) {
            filters = reader.readObject();
        }
        List<String> types = filters.containsKey("type")
                ? filters.getJsonArray("type").getValuesAs(JsonValue::toString).stream()
                        .map(t -> t.substring(1, t.length() - 1)).toList()
                : List.of();
        List<JsonObject> matching = records.stream()
                .filter(r -> types.isEmpty() || types.contains(r.getString("type"))).collect(Collectors.toList());
        int page = Integer.parseInt(params.get("page"));
        int limit = Integer.parseInt(params.get("limit"));
        int totalPages = (matching.size() + limit - 1) / limit;
        JsonArrayBuilder data = Json.createArrayBuilder();
        matching.stream().skip((long) (page - 1) * limit).limit(limit).forEach(data::add);
        return Json.createObjectBuilder().add("data", data)
                .add("pagination", Json.createObjectBuilder().add("limit", limit).add("page", page)
                        .add("sort", params.getOrDefault("sort", "-created_at"))
                        .add("total_rows", matching.size()).add("total_pages", totalPages))
                .add("status", 200).build();
    }

    private static JsonObject withTranscriptions(JsonObject record) {
        List<JsonObject> transcriptions = new ArrayList<>();
        transcriptions.add(Json.createObjectBuilder().add("id", "t-1").add("communication_id", record.getString("id"))
                .add("speaker", "customer").add("text", "hello").add("start_time", 1_714_557_600_000L).build());
        transcriptions.add(Json.createObjectBuilder().add("id", "t-2").add("communication_id", record.getString("id"))
                .add("speaker", "agent").add("text", "Hi, how can I help?").add("start_time", "2024-05-01T10:00:02Z")
                .addNull("tool_details").build());
        return Json.createObjectBuilder(record).add("transcriptions", Json.createArrayBuilder(transcriptions)).build();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
