package cx.wonderful.it.sessions;

import static org.junit.jupiter.api.Assertions.fail;

import cx.wonderful.it.support.Simulator;
import cx.wonderful.microprofile.chat.ChatEvent;
import cx.wonderful.microprofile.chat.ChatEventListener;
import cx.wonderful.microprofile.chat.Speaker;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The messages a listener saw, in order; and a session's transcript as the simulator holds it (Chat V3 history). */
public final class Transcript implements ChatEventListener {

    private final List<ChatEvent.Message> messages = new ArrayList<>();

    @Override
    public synchronized void onEvent(ChatEvent event) {
        if (event instanceof ChatEvent.Message message) {
            messages.add(message);
            notifyAll();
        }
    }

    public synchronized List<ChatEvent.Message> messages() {
        return List.copyOf(messages);
    }

    public synchronized void awaitMessages(int count, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (messages.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail(messages.size() + " of " + count + " messages within " + seconds + " s");
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** The session's messages as the simulator recorded them, oldest first. */
    public static List<ChatEvent.Message> fromServer(String sessionId) {
        HttpRequest request = HttpRequest.newBuilder(Simulator.uri("/api/workspace/" + Simulator.WORKSPACE + "/v3/chat/"
                        + sessionId + "?cursor=0-0&limit=1000&block=0"))
                .timeout(Duration.ofSeconds(30)).header("x-api-key", Simulator.API_KEY).header("Accept", "application/json")
                .GET().build();
        JsonObject data = Simulator.parse(Simulator.send(request).body()).orElseThrow().asJsonObject().getJsonObject("data");
        List<ChatEvent.Message> server = new ArrayList<>();
        for (JsonObject event : data.getJsonArray("events").getValuesAs(JsonObject.class)) {
            if (event.containsKey("speaker") && event.get("data") instanceof JsonObject text && text.containsKey("text")) {
                server.add(new ChatEvent.Message(event.getString("id", null), Speaker.fromWire(event.getString("speaker")),
                        text.getString("text"), null));
            }
        }
        return server;
    }
}
