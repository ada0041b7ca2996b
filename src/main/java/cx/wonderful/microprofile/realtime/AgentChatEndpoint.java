package cx.wonderful.microprofile.realtime;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;

/**
 * The programmatic client endpoint of one handshake of a {@link ChatSocket}. It only forwards, tagged with its
 * generation, so that the socket can ignore whatever a connection it has already given up on still reports.
 */
final class AgentChatEndpoint extends Endpoint {

    private final ChatSocket owner;
    private final int generation;
    private final int reconnectAttempts;

    AgentChatEndpoint(ChatSocket owner, int generation, int reconnectAttempts) {
        this.owner = owner;
        this.generation = generation;
        this.reconnectAttempts = reconnectAttempts;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> owner.text(generation, text));
        session.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong -> owner.alive(generation));
        owner.opened(generation, session, reconnectAttempts);
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
