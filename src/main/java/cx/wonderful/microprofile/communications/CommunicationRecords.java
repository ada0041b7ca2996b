package cx.wonderful.microprofile.communications;

import static cx.wonderful.microprofile.internal.WireContract.*;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.internal.WireValues;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads one communication or transcription record of the wire (§2.3, snake_case), keeping the fields it does not know. */
final class CommunicationRecords {

    private static final Set<String> COMMUNICATION_FIELDS = Set.of(COMM_ID, COMM_TENANT_ID, COMM_TYPE,
            COMM_INTERACTOR, COMM_DIRECTION, COMM_AGENT_ID, COMM_LOCALE, COMM_STATUS, COMM_START_TIME, COMM_END_TIME,
            COMM_DURATION, COMM_FROM_NUMBER, COMM_TO_NUMBER, COMM_FROM_EMAIL, COMM_SENTIMENT, COMM_SUMMARY, COMM_TAGS,
            COMM_METADATA, COMM_TRANSCRIPTIONS);
    private static final Set<String> TRANSCRIPTION_FIELDS = Set.of(TRANSCRIPTION_ID, TRANSCRIPTION_COMMUNICATION_ID,
            TRANSCRIPTION_SPEAKER, TRANSCRIPTION_TEXT, TRANSCRIPTION_START_TIME, TRANSCRIPTION_END_TIME,
            TRANSCRIPTION_TOOL_DETAILS);

    private CommunicationRecords() {
    }

    static Communication communication(JsonObject wire) {
        Communication.Values v = new Communication.Values();
        v.id = WireValues.string(wire, COMM_ID);
        if (v.id == null || v.id.isEmpty()) {
            throw new WonderfulException(ErrorCode.UNEXPECTED_RESPONSE, "a communication record has no 'id'");
        }
        v.tenantId = WireValues.string(wire, COMM_TENANT_ID);
        v.typeName = WireValues.string(wire, COMM_TYPE);
        v.interactor = WireValues.string(wire, COMM_INTERACTOR);
        v.directionName = WireValues.string(wire, COMM_DIRECTION);
        v.agentId = WireValues.string(wire, COMM_AGENT_ID);
        v.locale = WireValues.string(wire, COMM_LOCALE);
        v.status = WireValues.string(wire, COMM_STATUS);
        v.startTime = WireValues.instant(wire, COMM_START_TIME);
        v.endTime = WireValues.instant(wire, COMM_END_TIME);
        v.duration = WireValues.millisDuration(wire, COMM_DURATION);
        v.fromNumber = WireValues.string(wire, COMM_FROM_NUMBER);
        v.toNumber = WireValues.string(wire, COMM_TO_NUMBER);
        v.fromEmail = WireValues.string(wire, COMM_FROM_EMAIL);
        v.sentiment = WireValues.text(wire, COMM_SENTIMENT);
        v.summary = WireValues.string(wire, COMM_SUMMARY);
        v.tags = WireValues.strings(wire, COMM_TAGS);
        JsonObject metadata = WireValues.object(wire, COMM_METADATA);
        v.metadata = metadata == null ? JsonValue.EMPTY_JSON_OBJECT : metadata;
        JsonArray transcriptions = WireValues.array(wire, COMM_TRANSCRIPTIONS);
        v.transcriptions = transcriptions == null ? List.of() : transcriptions(transcriptions);
        v.extra = extra(wire, COMMUNICATION_FIELDS);
        v.raw = wire;
        return new Communication(v);
    }

    static Transcription transcription(JsonObject wire) {
        Transcription.Values v = new Transcription.Values();
        v.id = WireValues.string(wire, TRANSCRIPTION_ID);
        v.communicationId = WireValues.string(wire, TRANSCRIPTION_COMMUNICATION_ID);
        v.speaker = WireValues.string(wire, TRANSCRIPTION_SPEAKER);
        v.text = WireValues.string(wire, TRANSCRIPTION_TEXT);
        v.startTime = WireValues.instant(wire, TRANSCRIPTION_START_TIME);
        v.endTime = WireValues.instant(wire, TRANSCRIPTION_END_TIME);
        JsonValue toolDetails = wire.get(TRANSCRIPTION_TOOL_DETAILS);
        v.toolDetails = toolDetails == null || toolDetails.getValueType() == JsonValue.ValueType.NULL ? null : toolDetails;
        v.extra = extra(wire, TRANSCRIPTION_FIELDS);
        v.raw = wire;
        return new Transcription(v);
    }

    private static List<Transcription> transcriptions(JsonArray wire) {
        List<Transcription> transcriptions = new ArrayList<>(wire.size());
        for (JsonValue item : wire) {
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                throw WireValues.unexpected(COMM_TRANSCRIPTIONS + "[]", "an object", item);
            }
            transcriptions.add(transcription(item.asJsonObject()));
        }
        return List.copyOf(transcriptions);
    }

    // Everything not in the contract, in the order received, so a newer server's fields reach the caller.
    private static Map<String, JsonValue> extra(JsonObject wire, Set<String> known) {
        Map<String, JsonValue> extra = new LinkedHashMap<>();
        wire.forEach((key, value) -> {
            if (!known.contains(key)) {
                extra.put(key, value);
            }
        });
        return extra.isEmpty() ? Map.of() : Collections.unmodifiableMap(extra);
    }
}
