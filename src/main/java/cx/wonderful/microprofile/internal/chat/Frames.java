package cx.wonderful.microprofile.internal.chat;

import cx.wonderful.microprofile.chat.ChatEvent;
import cx.wonderful.microprofile.chat.EndedBy;
import cx.wonderful.microprofile.chat.Speaker;
import cx.wonderful.microprofile.internal.JsonValues;
import cx.wonderful.microprofile.internal.WireContract;
import cx.wonderful.microprofile.internal.WireValues;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Reads and writes the JSON of the agent chat WebSocket (§2.4) and of Chat V3 history events (§2.3). */
final class Frames {

    private Frames() {
    }

    static InboundFrame parse(String text) {
        JsonObject frame;
        try (JsonReader reader = JsonValues.JSON.createReader(new StringReader(text))) {
            frame = reader.readObject();
        } catch (JsonParsingException | IllegalStateException e) {
            return new InboundFrame.Ignored("not a JSON object");
        } catch (JsonException e) {
            return new InboundFrame.Ignored("unreadable frame");
        }
        String type = string(frame, WireContract.WS_FIELD_TYPE).orElse("");
        return switch (type) {
            case WireContract.WS_TYPE_START -> new InboundFrame.Start(string(frame, WireContract.WS_FIELD_COMMUNICATION_ID).orElse(null));
            case WireContract.WS_TYPE_TRANSCRIPT -> transcript(frame);
            case WireContract.WS_TYPE_TURN_ENDED -> new InboundFrame.TurnEnded();
            case WireContract.WS_TYPE_COMMUNICATION_ENDED ->
                    new InboundFrame.CommunicationEnded(string(frame, WireContract.WS_FIELD_ENDED_BY).flatMap(EndedBy::fromWire));
            default -> new InboundFrame.Ignored("frame type '" + type + "'");
        };
    }

    private static InboundFrame transcript(JsonObject frame) {
        JsonValue data = frame.get(WireContract.WS_FIELD_DATA);
        if (!(data instanceof JsonObject transcript)) {
            return new InboundFrame.Ignored("transcript without data");
        }
        Optional<String> text = string(transcript, WireContract.WS_FIELD_TEXT).filter(t -> !t.isEmpty());
        if (text.isEmpty()) {
            return new InboundFrame.Ignored("transcript without text");
        }
        return new InboundFrame.Transcript(new ChatEvent.Message(id(transcript).orElse(null),
                Speaker.fromWire(string(transcript, WireContract.WS_FIELD_SPEAKER).orElse(null)), text.get(),
                WireValues.instantOrNull(transcript, WireContract.WS_FIELD_CREATED_AT)));
    }

    /**
     * A Chat V3 history event: {@code {"id"?, "speaker", "created_at", "data": {"type": "text", "text"}}} is a
     * message; {@code {"type": "communication_ended", "ended_by"?}} the end; anything else is skipped.
     */
    static InboundFrame historyEvent(JsonObject event) {
        String type = string(event, WireContract.WS_FIELD_TYPE).orElse("");
        if (type.equals(WireContract.WS_TYPE_COMMUNICATION_ENDED)) {
            return new InboundFrame.CommunicationEnded(string(event, WireContract.WS_FIELD_ENDED_BY).flatMap(EndedBy::fromWire));
        }
        if (type.equals(WireContract.CHAT_EVENT_TURN_ENDED)) {
            return new InboundFrame.TurnEnded();
        }
        JsonValue data = event.get(WireContract.WS_FIELD_DATA);
        if (data instanceof JsonObject input && WireContract.CHAT_INPUT_TEXT.equals(string(input, WireContract.WS_FIELD_TYPE).orElse(""))) {
            Optional<String> text = string(input, WireContract.WS_FIELD_TEXT).filter(t -> !t.isEmpty());
            if (text.isPresent()) {
                return new InboundFrame.Transcript(new ChatEvent.Message(id(event).orElse(null),
                        Speaker.fromWire(string(event, WireContract.WS_FIELD_SPEAKER).orElse(null)), text.get(),
                        WireValues.instantOrNull(event, WireContract.WS_FIELD_CREATED_AT)));
            }
        }
        return new InboundFrame.Ignored("history event of type '" + type + "'");
    }

    /** {@code {"type": "init", "metadata": {...metadata, from, fromType, to?, toType?, locale}}} (CHOSEN participants). */
    static String init(ValidatedStart start) {
        JsonObjectBuilder metadata = JsonValues.JSON.createObjectBuilder(start.metadata());
        metadata.add(WireContract.CHAT_FROM, start.from());
        metadata.add(WireContract.INIT_FROM_TYPE, start.fromType().wireName());
        if (start.to() != null) {
            metadata.add(WireContract.CHAT_TO, start.to());
            metadata.add(WireContract.INIT_TO_TYPE, start.toType().wireName());
        }
        metadata.add(WireContract.CHAT_LOCALE, start.locale());
        return JsonValues.JSON.createObjectBuilder()
                .add(WireContract.WS_FIELD_TYPE, WireContract.WS_TYPE_INIT)
                .add(WireContract.WS_FIELD_METADATA, metadata)
                .build().toString();
    }

    private static Optional<String> id(JsonObject object) {
        JsonValue id = object.get(WireContract.WS_FIELD_ID);
        if (id instanceof JsonString string) {
            return Optional.of(string.getString());
        }
        if (id != null && id.getValueType() == JsonValue.ValueType.NUMBER) {
            return Optional.of(id.toString());
        }
        return Optional.empty();
    }

    private static Optional<String> string(JsonObject object, String field) {
        return object.get(field) instanceof JsonString string ? Optional.of(string.getString()) : Optional.empty();
    }
}
