package cx.wonderful.microprofile.internal.chat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import cx.wonderful.microprofile.internal.realtime.AgentChatTestServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Chat V3 REST half of a chat server for unit tests, on 127.0.0.1 (the socket half is the
 * {@link AgentChatTestServer}): creates sessions, records every command's text in arrival order, answers the
 * history from the socket server's transcripts without transcript ids (the contract promises none), and can
 * delay its answers.
 */
final class ChatV3TestServer implements AutoCloseable {

    final List<String> creates = new CopyOnWriteArrayList<>();
    final List<String> texts = new CopyOnWriteArrayList<>();
    final List<String> ends = new CopyOnWriteArrayList<>();
    /** Sessions whose history ends with a {@code communication_ended} event, and its {@code ended_by}. */
    final Map<String, String> endedBy = new ConcurrentHashMap<>();
    volatile long createDelayMillis;
    volatile long maxCommandJitterMillis;
    private final AtomicInteger ids = new AtomicInteger();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);

    ChatV3TestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String[] parts = path.split("/");
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (exchange.getRequestMethod().equals("POST") && path.endsWith("/v3/chat")) {
                creates.add(body);
                pause(createDelayMillis);
                String id = "s-" + ids.incrementAndGet();
                answer(exchange, "{\"data\":{\"session_id\":\"" + id + "\",\"cursor\":\"0-0\"}}");
            } else if (exchange.getRequestMethod().equals("POST")) {
                String sessionId = parts[parts.length - 1];
                if (maxCommandJitterMillis > 0) {
                    pause(ThreadLocalRandom.current().nextLong(maxCommandJitterMillis));
                }
                JsonObject command = read(body);
                JsonObject data = command.getJsonObject("data");
                if ("text".equals(data.getString("type"))) {
                    texts.add(data.getString("text"));
                    AgentChatTestServer.publish(sessionId, "customer", data.getString("text"));
                } else {
                    ends.add(sessionId);
                }
                answer(exchange, "{\"data\":{}}");
            } else {
                answer(exchange, history(parts[parts.length - 1], endedBy.get(parts[parts.length - 1])));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private static String history(String sessionId, String endedBy) {
        JsonArrayBuilder events = Json.createArrayBuilder();
        for (String frame : AgentChatTestServer.TRANSCRIPTS.getOrDefault(sessionId, List.of())) {
            JsonObject transcript = read(frame).getJsonObject("data");
            events.add(Json.createObjectBuilder().add("speaker", transcript.getString("speaker"))
                    .add("created_at", transcript.getJsonNumber("created_at").longValue())
                    .add("data", Json.createObjectBuilder().add("type", "text").add("text", transcript.getString("text"))));
        }
        if (endedBy != null) {
            events.add(Json.createObjectBuilder().add("type", "communication_ended").add("ended_by", endedBy));
        }
        return Json.createObjectBuilder().add("data", Json.createObjectBuilder().add("cursor", "1-0")
                .add("has_more", false).add("events", events)).build().toString();
    }

    private static JsonObject read(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static void pause(long millis) throws InterruptedException {
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
