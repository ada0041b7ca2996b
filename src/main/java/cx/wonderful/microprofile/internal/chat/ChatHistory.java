package cx.wonderful.microprofile.internal.chat;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.chat.ChatEvent;
import cx.wonderful.microprofile.chat.EndedBy;
import cx.wonderful.microprofile.communications.Page;
import cx.wonderful.microprofile.internal.WireContract;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a session's Chat V3 events say, page after page: its messages, whether it has ended (CHOSEN signals, see
 * {@link WireContract#CHAT_STATUS_ENDED}) and, when the server says, its agent. Not thread-safe; one per read.
 */
final class ChatHistory {

    private final List<ChatEvent.Message> messages = new ArrayList<>();
    private boolean ended;
    private EndedBy endedBy;
    private String agentId;

    /** One page of the events response read into this history. */
    record Page(String cursor, boolean hasMore, int events) {
    }

    Page add(JsonObject response) {
        if (!(response != null && response.get(WireContract.ENVELOPE_DATA) instanceof JsonObject data)) {
            throw new WonderfulException(ErrorCode.UNEXPECTED_RESPONSE, "chat.recover: an events response without data");
        }
        if (WireContract.CHAT_STATUS_ENDED.equals(string(data, WireContract.COMM_STATUS))) {
            ended = true;
        }
        String agent = string(data, WireContract.CHAT_FIELD_AGENT_ID);
        if (agent != null) {
            agentId = agent;
        }
        int count = 0;
        if (data.get("events") instanceof JsonArray events) {
            for (JsonValue value : events) {
                if (value instanceof JsonObject event) {
                    count++;
                    accept(Frames.historyEvent(event));
                }
            }
        }
        return new Page(string(data, "cursor"), data.getBoolean("has_more", false), count);
    }

    private void accept(InboundFrame frame) {
        if (frame instanceof InboundFrame.Transcript transcript) {
            messages.add(transcript.message());
        } else if (frame instanceof InboundFrame.CommunicationEnded end) {
            ended = true;
            endedBy = end.endedBy().orElse(null);
        }
    }

    List<ChatEvent.Message> messages() {
        return List.copyOf(messages);
    }

    boolean ended() {
        return ended;
    }

    Optional<EndedBy> endedBy() {
        return Optional.ofNullable(endedBy);
    }

    Optional<String> agentId() {
        return Optional.ofNullable(agentId);
    }

    private static String string(JsonObject object, String field) {
        return object.get(field) instanceof JsonString string ? string.getString() : null;
    }
}
