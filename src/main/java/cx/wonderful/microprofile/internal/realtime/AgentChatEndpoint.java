package cx.wonderful.microprofile.internal.realtime;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import java.util.Objects;

/**
 * The programmatic client endpoint of one handshake of a {@link ChatSocket}. It only forwards, tagged with its
 * generation, so that the socket can ignore whatever a connection it has already given up on still reports; a
 * connection the socket refuses as it opens is closed through the handshake's {@link SocketCloser.Deferred}, never
 * inside {@code onOpen}.
 */
final class AgentChatEndpoint extends Endpoint {

    private final ChatSocket owner;
    private final int generation;
    private final int reconnectAttempts;
    private final SocketCloser.Deferred closes;

    AgentChatEndpoint(ChatSocket owner, int generation, int reconnectAttempts, SocketCloser.Deferred closes) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.generation = generation;
        this.reconnectAttempts = reconnectAttempts;
        this.closes = Objects.requireNonNull(closes, "closes");
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> owner.text(generation, text));
        session.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong -> owner.alive(generation));
        CloseReason refused = owner.opened(generation, session, reconnectAttempts);
        if (refused != null) {
            closes.close(session, refused);
        }
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        owner.closed(generation, reason.getCloseCode().getCode(), reason.getReasonPhrase());
    }

    @Override
    public void onError(Session session, Throwable error) {
        owner.error(generation, session, error);
    }
}
