package cx.wonderful.it.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
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

    private final Supplier<Deliveries> deliveries;
    private final IntConsumer onClose;

    /** @param onClose called with the close code when the socket closes (the reconnect benchmark reopens there) */
    RawChatSocket(Deliveries deliveries, IntConsumer onClose) {
        this(() -> deliveries, onClose);
    }

    /** @param deliveries where each transcript goes, asked on every one (a benchmark switches phases) */
    RawChatSocket(Supplier<Deliveries> deliveries, IntConsumer onClose) {
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.setMaxIdleTimeout(0);
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) this::onText);
    }

    private void onText(String text) {
        JsonObject frame;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            frame = reader.readObject();
        }
        if ("transcript".equals(frame.getString("type", ""))) {
            JsonObject data = frame.getJsonObject("data");
            long now = System.nanoTime();
            deliveries.get().transcript(data.getString("id"), data.getString("speaker"), data.getString("text"), now);
        }
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        onClose.accept(reason.getCloseCode().getCode());
    }
}
