package cx.wonderful.microprofile.chat.wire;

import cx.wonderful.microprofile.internal.WireContract;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;

/**
 * The Chat V3 request and response bodies (§2.3), apart from the chat API's own types; names as on the wire.
 * Public only because JSON-B and the rest client proxies of the runtime need it; not part of the supported API.
 */
public final class ChatV3Wire {

    private ChatV3Wire() {
    }

    /** {@code POST .../v3/chat}: the agent, the channel, the metadata and (CHOSEN) the participants. */
    public record CreateChat(
            @JsonbProperty("agent_id") String agentId,
            @JsonbProperty("comm_type") String commType,
            @JsonbProperty("metadata") JsonObject metadata,
            @JsonbProperty(WireContract.CHAT_FROM) String from,
            @JsonbProperty(WireContract.CHAT_FROM_TYPE) String fromType,
            @JsonbProperty(WireContract.CHAT_TO) String to,
            @JsonbProperty(WireContract.CHAT_TO_TYPE) String toType,
            @JsonbProperty(WireContract.CHAT_LOCALE) String locale) {
    }

    /** {@code {"data": {"session_id", "cursor"}}}. */
    public record Created(@JsonbProperty("data") CreatedData data) {
    }

    public record CreatedData(@JsonbProperty("session_id") String sessionId, @JsonbProperty("cursor") String cursor) {
    }

    /** {@code POST .../v3/chat/{sessionId}}: {@code {"data": {"type": "text", "text"}}} or the end action. */
    public record Command(@JsonbProperty("data") Input data) {

        public static Command text(String text) {
            return new Command(new Input(WireContract.CHAT_INPUT_TEXT, text, null));
        }

        public static Command end() {
            return new Command(new Input(WireContract.CHAT_INPUT_ACTION, null, new Action(WireContract.CHAT_ACTION_END)));
        }
    }

    public record Input(@JsonbProperty("type") String type, @JsonbProperty("text") String text,
            @JsonbProperty("action") Action action) {
    }

    public record Action(@JsonbProperty("type") String type) {
    }
}
