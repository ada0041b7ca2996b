package cx.wonderful.it.bench;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.StringReader;
import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The baseline client: a bare Jakarta WebSocket endpoint on the runtime's own container that parses each frame with
 * JSON-P and hands its transcripts to a {@link Deliveries}: the least any application must do to get a message.
 */
public final class RawChatSocket extends Endpoint {

    /** Looked up once, as the library does: Json.createReader looks the provider up on every call (a class-path scan on Liberty). */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** Where a parsed transcript goes. */
    @FunctionalInterface
    interface Sink {
        void transcript(String id, String speaker, String text, long now);
    }

    private final Sink sink;
    private final IntConsumer onClose;

    /** @param onClose called with the close code when the socket closes (the reconnect benchmark reopens there) */
    RawChatSocket(Deliveries deliveries, IntConsumer onClose) {
        this(() -> deliveries, onClose);
    }

    /** @param deliveries where each transcript goes, asked on every one (a benchmark switches phases) */
    RawChatSocket(Supplier<Deliveries> deliveries, IntConsumer onClose) {
        this((id, speaker, text, now) -> deliveries.get().transcript(id, speaker, text, now), onClose);
        Objects.requireNonNull(deliveries, "deliveries");
    }

    /** @param sink where each transcript goes, with the moment it was parsed ({@link System#nanoTime()}) */
    RawChatSocket(Sink sink, IntConsumer onClose) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.setMaxIdleTimeout(0);
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) this::onText);
    }

    private void onText(String text) {
        JsonObject frame;
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            frame = reader.readObject();
        }
        if ("transcript".equals(frame.getString("type", ""))) {
            JsonObject data = frame.getJsonObject("data");
            long now = System.nanoTime();
            sink.transcript(data.getString("id"), data.getString("speaker"), data.getString("text"), now);
        }
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        onClose.accept(reason.getCloseCode().getCode());
    }
}
