package cx.wonderful.simulator.chat;

import cx.wonderful.simulator.auth.Caller;
import java.util.Objects;

/**
 * What the handshake established for one agent chat socket: the caller, the agent, and for a resume the session
 * and the transcripts to replay.
 *
 * @param resumed the session to re-attach to, or null for a new chat
 * @param after the id of the last transcript the client has seen, or null to replay them all
 */
public record ChatConnection(Caller caller, String agentId, ChatSession resumed, String after) {

    /** The key of this record in the endpoint config's user properties. */
    public static final String PROPERTY = ChatConnection.class.getName();

    public ChatConnection {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(agentId, "agentId");
    }
}
