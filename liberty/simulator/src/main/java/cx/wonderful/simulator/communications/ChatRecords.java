package cx.wonderful.simulator.communications;

import cx.wonderful.simulator.chat.ChatEvent;
import cx.wonderful.simulator.chat.ChatSession;
import cx.wonderful.simulator.chat.Participants;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;

/** A held chat session as a communication record of type {@code chat}. */
public final class ChatRecords {

    private ChatRecords() {
    }

    /** The record with its {@code transcriptions}. */
    public static JsonObject of(ChatSession session) {
        return Json.createObjectBuilder(summary(session)).add("transcriptions", transcriptions(session)).build();
    }

    /** The record without {@code transcriptions}, as the list shows it. */
    public static JsonObject summary(ChatSession session) {
        Participants participants = session.participants();
        Instant start = session.startTime();
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", session.id())
                .add("tenant_id", session.tenantId()).add("type", "chat").add("interactor", "customer")
                .add("direction", "inbound").add("agent_id", session.agentId())
                .add("locale", participants.locale() == null ? "en-US" : participants.locale())
                .add("status", session.isEnded() ? "completed" : "in-progress").add("start_time", start.toString());
        if (session.endTime().isPresent()) {
            Instant end = session.endTime().get();
            json.add("end_time", end.toString()).add("duration", end.toEpochMilli() - start.toEpochMilli());
        } else {
            json.addNull("end_time").addNull("duration");
        }
        addOrNull(json, "from_number", "phone".equals(participants.fromType()) ? participants.from() : null);
        addOrNull(json, "to_number", "phone".equals(participants.toType()) ? participants.to() : null);
        addOrNull(json, "from_email", "email".equals(participants.fromType()) ? participants.from() : null);
        json.addNull("sentiment").addNull("summary").add("tags", Json.createArrayBuilder())
                .add("metadata", session.metadata());
        return json.build();
    }

    private static JsonArrayBuilder transcriptions(ChatSession session) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        List<ChatEvent> transcripts = session.transcripts();
        for (ChatEvent transcript : transcripts) {
            array.add(Json.createObjectBuilder().add("id", transcript.transcriptId())
                    .add("communication_id", session.id()).add("speaker", transcript.speaker().wire())
                    .add("text", transcript.text()).add("start_time", transcript.createdAt().toString())
                    .add("end_time", transcript.createdAt().toString()).addNull("tool_details"));
        }
        return array;
    }

    private static void addOrNull(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}
