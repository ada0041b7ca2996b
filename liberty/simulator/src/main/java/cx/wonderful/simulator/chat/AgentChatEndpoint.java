package cx.wonderful.simulator.chat;

import cx.wonderful.simulator.StrictContract;

import cx.wonderful.simulator.ConnectionAborter;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One agent chat socket (shared/wonderful-api.md §2.4). Sends {@code start} with the communication id, then the
 * session's transcripts, {@code turn_ended} after each turn, and {@code communication_ended} followed by close
 * 1000. Receives {@code init} (participants and metadata), {@code message} (a customer text), {@code ping}
 * (answered {@code pong}) and {@code end} (the user ends the chat). Closing the socket leaves the chat open, so
 * that a client can resume it with {@code sessionId} and {@code after}.
 */
public class AgentChatEndpoint extends Endpoint implements SessionListener {

    private static final Logger LOG = Logger.getLogger(AgentChatEndpoint.class.getName());
    private static final ByteBuffer PING = ByteBuffer.wrap("wonderful-simulator".getBytes(StandardCharsets.UTF_8));

    private final SessionStore sessions;
    private final SocketPinger pinger;
    private ChatConnection connection;
    private Session socket;
    private ChatSession chat;
    private ScheduledFuture<?> pings;

    public AgentChatEndpoint(SessionStore sessions, SocketPinger pinger) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.pinger = Objects.requireNonNull(pinger, "pinger");
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        socket = session;
        connection = config.getUserProperties().get(ChatConnection.PROPERTY) instanceof ChatConnection established
                ? established : null;
        if (connection == null || !connection.agentId().equals(session.getPathParameters().get("agentId"))) {
            // the container shared one config between handshakes: refuse rather than mix two clients' chats
            close(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "handshake state lost"));
            return;
        }
        chat = connection.resumed() != null ? connection.resumed()
                : sessions.create(connection.caller(), connection.agentId(), Participants.NONE,
                        JsonValue.EMPTY_JSON_OBJECT);
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) this::onText);
        if (!chat.attach(this, connection.after())) {
            close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "unknown transcript id"));
            return;
        }
        pings = pinger.schedule(this::ping);
    }

    @Override
    public void greet() {
        send(Json.createObjectBuilder().add("type", "start").add("communication_id", chat.id()).build());
    }

    @Override
    public void onEvent(ChatEvent event) {
        send(event.toSocketJson(chat.id()));
        if (event.kind() == ChatEvent.Kind.ENDED) {
            close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "communication ended"));
        }
    }

    @Override
    public void drop(int code, String reason) {
        chat.detach(this);
        if (code == CloseReason.CloseCodes.CLOSED_ABNORMALLY.getCode()) {
            if (!ConnectionAborter.abort(socket)) {
                close(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "abort unavailable"));
            }
            return;
        }
        close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        stop();
    }

    @Override
    public void onError(Session session, Throwable error) {
        LOG.log(Level.FINE, "agent chat socket failed", error);
        stop();
    }

    private void onText(String text) {
        JsonObject message;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            message = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            sendError("malformed JSON message");
            return;
        }
        String type = message.get("type") instanceof JsonString s ? s.getString() : "";
        try {
            switch (type) {
                case "init" -> init(message);
                case "message" -> customerText(message);
                case "ping" -> send(Json.createObjectBuilder().add("type", "pong").build());
                case "end" -> chat.end(EndedBy.USER);
                default -> sendError("unknown message type: use init, message, ping or end");
            }
        } catch (SessionEndedException e) {
            sendError("the chat has ended");
        }
    }

    private void init(JsonObject message) {
        JsonValue value = message.get("metadata");
        JsonObject metadata = value instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        chat.init(new Participants(text(metadata, "from"), text(metadata, "fromType"), text(metadata, "to"),
                text(metadata, "toType"), text(metadata, "locale")), metadata);
    }

    private void customerText(JsonObject message) {
        String text = text(message, "text");
        if (text == null || text.isBlank()) {
            sendError("a message needs a non-blank text");
            return;
        }
        chat.customerText(text);
    }

    private void sendError(String message) {
        send(Json.createObjectBuilder().add("type", "error").add("message", message).build());
    }

    private synchronized void send(JsonObject message) {
        if (!socket.isOpen()) {
            return;
        }
        try {
            socket.getBasicRemote().sendText(StrictContract.decorate(message).toString());
        } catch (IOException | IllegalStateException e) {
            // the socket is closing: a resuming client gets the message replayed
            LOG.log(Level.FINE, "cannot send to an agent chat socket", e);
        }
    }

    private synchronized void ping() {
        if (!socket.isOpen()) {
            stop();
            return;
        }
        try {
            socket.getBasicRemote().sendPing(PING.duplicate());
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            LOG.log(Level.FINE, "cannot ping an agent chat socket", e);
        }
    }

    private synchronized void close(CloseReason reason) {
        stop();
        try {
            socket.close(reason);
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "cannot close an agent chat socket", e);
        }
    }

    private void stop() {
        if (chat != null) {
            chat.detach(this);
        }
        if (pings != null) {
            pings.cancel(false);
        }
    }

    private static String text(JsonObject object, String name) {
        return object.get(name) instanceof JsonString s ? s.getString() : null;
    }
}
