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

    /**
     * {@code POST .../v3/chat}: the agent, the channel, the metadata and (CHOSEN) the participants. A {@code null}
     * component is left out of the JSON.
     *
     * @param agentId {@code agent_id}: the agent to chat with
     * @param commType {@code comm_type}: the channel, {@code chat}
     * @param metadata {@code metadata}: the session's metadata
     * @param from {@code from}: the user's phone number, e-mail address or name
     * @param fromType {@code from_type}: {@code phone}, {@code email} or {@code name}
     * @param to {@code to}: whom the user reached out to, or {@code null}
     * @param toType {@code to_type}: the type of {@code to}, or {@code null}
     * @param locale {@code locale}: a BCP 47 language tag such as {@code en-US}
     */
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

    /**
     * {@code {"data": {"session_id", "cursor"}}}.
     *
     * @param data {@code data}: the new session
     */
    public record Created(@JsonbProperty("data") CreatedData data) {
    }

    /**
     * The {@code data} of a {@link Created}.
     *
     * @param sessionId {@code session_id}: the new session's id
     * @param cursor {@code cursor}: where the session's events start, for {@link ChatV3Api#events}
     */
    public record CreatedData(@JsonbProperty("session_id") String sessionId, @JsonbProperty("cursor") String cursor) {
    }

    /**
     * {@code POST .../v3/chat/{sessionId}}: {@code {"data": {"type": "text", "text"}}} or the end action.
     *
     * @param data {@code data}: the input
     */
    public record Command(@JsonbProperty("data") Input data) {

        /**
         * A text message: {@code {"data": {"type": "text", "text": text}}}.
         *
         * @param text the message, sent as it is
         * @return the command
         */
        public static Command text(String text) {
            return new Command(new Input(WireContract.CHAT_INPUT_TEXT, text, null));
        }

        /**
         * The end action: {@code {"data": {"type": "action", "action": {"type": "end"}}}}.
         *
         * @return the command
         */
        public static Command end() {
            return new Command(new Input(WireContract.CHAT_INPUT_ACTION, null, new Action(WireContract.CHAT_ACTION_END)));
        }
    }

    /**
     * The {@code data} of a {@link Command}.
     *
     * @param type {@code type}: {@code text} or {@code action}
     * @param text {@code text}: the message of a {@code text} input, else {@code null}
     * @param action {@code action}: the action of an {@code action} input, else {@code null}
     */
    public record Input(@JsonbProperty("type") String type, @JsonbProperty("text") String text,
            @JsonbProperty("action") Action action) {
    }

    /**
     * The {@code action} of an {@link Input}.
     *
     * @param type {@code type}: {@code end}
     */
    public record Action(@JsonbProperty("type") String type) {
    }
}
