package cx.wonderful.simulator.chat;

import cx.wonderful.simulator.StrictContract;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a session's history: a text (a transcript, with an id), the end of a turn, or the end of the chat.
 * The same entry is shown to REST long polls and to WebSocket clients, in each one's wire form.
 */
public record ChatEvent(Kind kind, int index, String transcriptId, Speaker speaker, String text, Instant createdAt,
        String turnType, EndedBy endedBy) {

    /** What happened. */
    public enum Kind {
        TEXT, TURN_ENDED, ENDED
    }

    public ChatEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
        if (kind == Kind.TEXT) {
            Objects.requireNonNull(transcriptId, "transcriptId");
            Objects.requireNonNull(speaker, "speaker");
            Objects.requireNonNull(text, "text");
        }
        if (kind == Kind.ENDED) {
            Objects.requireNonNull(endedBy, "endedBy");
        }
    }

    /** The Chat V3 long-poll form (§2.3). */
    public JsonObject toRestJson() {
        long createdAtMillis = createdAt.toEpochMilli();
        return switch (kind) {
            case TEXT -> {
                // Strict: the contract names no transcript id on Chat V3 events.
                JsonObjectBuilder event = StrictContract.on() ? Json.createObjectBuilder()
                        : Json.createObjectBuilder().add("id", transcriptId);
                yield event.add("speaker", speaker.wire()).add("created_at", createdAtMillis)
                        .add("data", Json.createObjectBuilder().add("type", "text").add("text", text)).build();
            }
            case TURN_ENDED -> Json.createObjectBuilder().add("type", "turn_ended").add("turn_type", turnType)
                    .add("created_at", createdAtMillis).build();
            case ENDED -> Json.createObjectBuilder().add("type", "communication_ended")
                    .add("ended_by", endedBy.wire()).add("created_at", createdAtMillis).build();
        };
    }

    /** The WebSocket form (§2.4), for a session whose communication id is {@code communicationId}. */
    public JsonObject toSocketJson(String communicationId) {
        return switch (kind) {
            case TEXT -> {
                JsonObjectBuilder data = Json.createObjectBuilder().add("id", transcriptId)
                        .add("communication_id", communicationId).add("speaker", speaker.wire()).add("text", text)
                        .add("created_at", StrictContract.socketTime(createdAt)).addNull("tool_details").add("is_eot", true);
                yield Json.createObjectBuilder().add("type", "transcript").add("data", data).build();
            }
            case TURN_ENDED -> Json.createObjectBuilder().add("type", "turn_ended").build();
            case ENDED -> Json.createObjectBuilder().add("type", "communication_ended")
                    .add("ended_by", endedBy.wire()).build();
        };
    }
}
