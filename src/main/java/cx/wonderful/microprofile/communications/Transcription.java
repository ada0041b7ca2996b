package cx.wonderful.microprofile.communications;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One utterance of a communication: who spoke, what, and when. Fields this library does not know are in
 * {@link #extra()}; {@link #raw()} is the transcription exactly as received.
 */
public final class Transcription {

    private final Values values;

    /**
     * Reads one transcription record as the API sends it (shared/wonderful-api.md §2.3: snake_case, unknown fields kept in
     * {@code extra()}, the record itself in {@code raw()}): for records an application reads itself, for example
     * with {@link CommunicationsApi}.
     *
     * @param wire the record's JSON object
     * @return the typed record
     * @throws cx.wonderful.microprofile.WonderfulException {@code UNEXPECTED_RESPONSE} when a field the contract
     *         types has another type, or a required field is missing
     * @throws NullPointerException when {@code wire} is null
     */
    public static Transcription fromWire(jakarta.json.JsonObject wire) {
        return CommunicationRecords.transcription(java.util.Objects.requireNonNull(wire, "wire"));
    }

    Transcription(Values values) {
        this.values = Objects.requireNonNull(values, "values");
        Objects.requireNonNull(values.raw, "raw");
    }

    /**
     * The transcription's id.
     *
     * @return the wire's {@code id}
     */
    public Optional<String> id() {
        return Optional.ofNullable(values.id);
    }

    /**
     * The communication this utterance belongs to.
     *
     * @return the wire's {@code communication_id}
     */
    public Optional<String> communicationId() {
        return Optional.ofNullable(values.communicationId);
    }

    /**
     * Who spoke, as the server names it: {@code customer}, {@code agent}, {@code system}, {@code human_agent}, ...
     *
     * @return the wire's {@code speaker}
     */
    public Optional<String> speaker() {
        return Optional.ofNullable(values.speaker);
    }

    /**
     * What was said.
     *
     * @return the wire's {@code text}
     */
    public Optional<String> text() {
        return Optional.ofNullable(values.text);
    }

    /**
     * When the utterance started.
     *
     * @return the wire's {@code start_time} (epoch milliseconds or ISO-8601 on the wire)
     */
    public Optional<Instant> startTime() {
        return Optional.ofNullable(values.startTime);
    }

    /**
     * When the utterance ended.
     *
     * @return the wire's {@code end_time} (epoch milliseconds or ISO-8601 on the wire)
     */
    public Optional<Instant> endTime() {
        return Optional.ofNullable(values.endTime);
    }

    /**
     * Details of a tool the agent called during this utterance, as received.
     *
     * @return the wire's {@code tool_details}, any JSON value; empty when absent or {@code null}
     */
    public Optional<JsonValue> toolDetails() {
        return Optional.ofNullable(values.toolDetails);
    }

    /**
     * The fields this library does not know, by their wire name, as received (unmodifiable).
     *
     * @return the unknown fields in the order received; empty when there are none
     */
    public Map<String, JsonValue> extra() {
        return values.extra;
    }

    /**
     * The transcription exactly as received.
     *
     * @return the record; two transcriptions are equal when their records are
     */
    public JsonObject raw() {
        return values.raw;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Transcription that && values.raw.equals(that.values.raw);
    }

    @Override
    public int hashCode() {
        return values.raw.hashCode();
    }

    @Override
    public String toString() {
        return "Transcription[id=" + values.id + ", speaker=" + values.speaker + ", startTime=" + values.startTime + "]";
    }

    /** The parsed fields, filled in by the wire reader. */
    static final class Values {
        String id;
        String communicationId;
        String speaker;
        String text;
        Instant startTime;
        Instant endTime;
        JsonValue toolDetails;
        Map<String, JsonValue> extra = Map.of();
        JsonObject raw;
    }
}
