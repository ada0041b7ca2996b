package cx.wonderful.microprofile.communications;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One communication (a call, chat, e-mail or task) as the server reported it. Fields the server left out or sent
 * as {@code null} are empty. Nothing is lost: fields this library does not know are in {@link #extra()}, and
 * {@link #raw()} is the record exactly as received.
 */
public final class Communication {

    private final Values values;

    /**
     * Reads one communication record as the API sends it (shared/wonderful-api.md §2.3: snake_case, unknown fields kept in
     * {@code extra()}, the record itself in {@code raw()}): for records an application reads itself, for example
     * with {@link CommunicationsApi}.
     *
     * @param wire the record's JSON object
     * @return the typed record
     * @throws cx.wonderful.microprofile.WonderfulException {@code UNEXPECTED_RESPONSE} when a field the contract
     *         types has another type, or a required field is missing
     * @throws NullPointerException when {@code wire} is null
     */
    public static Communication fromWire(jakarta.json.JsonObject wire) {
        return CommunicationRecords.communication(java.util.Objects.requireNonNull(wire, "wire"));
    }

    Communication(Values values) {
        this.values = Objects.requireNonNull(values, "values");
        Objects.requireNonNull(values.id, "id");
        Objects.requireNonNull(values.raw, "raw");
    }

    /**
     * The communication's id; for a chat, the chat session's id.
     *
     * @return the wire's {@code id}, never {@code null} or empty
     */
    public String id() {
        return values.id;
    }

    /**
     * The tenant the communication belongs to.
     *
     * @return the wire's {@code tenant_id}
     */
    public Optional<String> tenantId() {
        return Optional.ofNullable(values.tenantId);
    }

    /**
     * The kind of communication.
     *
     * @return the kind; empty when absent or a kind this library does not know (see {@link #typeName()})
     */
    public Optional<CommunicationType> type() {
        return CommunicationType.fromWire(values.typeName);
    }

    /**
     * The kind as sent, for example {@code voice}, including kinds newer than this library.
     *
     * @return the wire's {@code type}
     */
    public Optional<String> typeName() {
        return Optional.ofNullable(values.typeName);
    }

    /**
     * The communication's interactor, as the server reports it.
     *
     * @return the wire's {@code interactor}
     */
    public Optional<String> interactor() {
        return Optional.ofNullable(values.interactor);
    }

    /**
     * The direction.
     *
     * @return the direction; empty when absent or a value this library does not know (see {@link #directionName()})
     */
    public Optional<Direction> direction() {
        return Direction.fromWire(values.directionName);
    }

    /**
     * The direction as sent, for example {@code inbound}.
     *
     * @return the wire's {@code direction}
     */
    public Optional<String> directionName() {
        return Optional.ofNullable(values.directionName);
    }

    /**
     * The agent that handled the communication.
     *
     * @return the wire's {@code agent_id}
     */
    public Optional<String> agentId() {
        return Optional.ofNullable(values.agentId);
    }

    /**
     * The communication's language.
     *
     * @return the wire's {@code locale}, for example {@code en-US}
     */
    public Optional<String> locale() {
        return Optional.ofNullable(values.locale);
    }

    /**
     * The status as the server names it, for example {@code completed} or {@code in-progress}.
     *
     * @return the wire's {@code status}
     */
    public Optional<String> status() {
        return Optional.ofNullable(values.status);
    }

    /**
     * When the communication started.
     *
     * @return the wire's {@code start_time} (epoch milliseconds or ISO-8601 on the wire)
     */
    public Optional<Instant> startTime() {
        return Optional.ofNullable(values.startTime);
    }

    /**
     * When the communication ended.
     *
     * @return the wire's {@code end_time} (epoch milliseconds or ISO-8601 on the wire); empty while the
     *         communication is in progress
     */
    public Optional<Instant> endTime() {
        return Optional.ofNullable(values.endTime);
    }

    /**
     * How long the communication lasted.
     *
     * @return the wire's {@code duration}, which is in milliseconds
     */
    public Optional<Duration> duration() {
        return Optional.ofNullable(values.duration);
    }

    /**
     * The phone number the communication came from.
     *
     * @return the wire's {@code from_number}
     */
    public Optional<String> fromNumber() {
        return Optional.ofNullable(values.fromNumber);
    }

    /**
     * The phone number the communication went to.
     *
     * @return the wire's {@code to_number}
     */
    public Optional<String> toNumber() {
        return Optional.ofNullable(values.toNumber);
    }

    /**
     * The e-mail address the communication came from.
     *
     * @return the wire's {@code from_email}
     */
    public Optional<String> fromEmail() {
        return Optional.ofNullable(values.fromEmail);
    }

    /**
     * The sentiment as sent; a number or object is given as its JSON text.
     *
     * @return the wire's {@code sentiment}
     */
    public Optional<String> sentiment() {
        return Optional.ofNullable(values.sentiment);
    }

    /**
     * A summary of the communication, as the server wrote it.
     *
     * @return the wire's {@code summary}
     */
    public Optional<String> summary() {
        return Optional.ofNullable(values.summary);
    }

    /**
     * The communication's tags, in the server's order.
     *
     * @return the wire's {@code tags} (a tag that is not a string as its JSON text, a {@code null} one left out),
     *         unmodifiable; empty when there are none
     */
    public List<String> tags() {
        return values.tags;
    }

    /**
     * The communication's metadata (for a chat, what its {@code init} carried).
     *
     * @return the wire's {@code metadata}; an empty object when there is none
     */
    public JsonObject metadata() {
        return values.metadata;
    }

    /**
     * The transcriptions, in order. Only {@link WonderfulCommunications#get(String)} reads them; a record from a list
     * has none.
     *
     * @return the wire's {@code transcriptions}, unmodifiable; empty when there are none
     */
    public List<Transcription> transcriptions() {
        return values.transcriptions;
    }

    /**
     * The fields of the record this library does not know, by their wire name, as received (unmodifiable).
     *
     * @return the unknown fields in the order received; empty when there are none
     */
    public Map<String, JsonValue> extra() {
        return values.extra;
    }

    /**
     * The whole record exactly as received, with its wire (snake_case) names.
     *
     * @return the record; two communications are equal when their records are
     */
    public JsonObject raw() {
        return values.raw;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Communication that && values.raw.equals(that.values.raw);
    }

    @Override
    public int hashCode() {
        return values.raw.hashCode();
    }

    @Override
    public String toString() {
        return "Communication[id=" + values.id + ", type=" + values.typeName + ", direction=" + values.directionName
                + ", status=" + values.status + ", startTime=" + values.startTime + "]";
    }

    /** The parsed fields, filled in by the wire reader. */
    static final class Values {
        String id;
        String tenantId;
        String typeName;
        String interactor;
        String directionName;
        String agentId;
        String locale;
        String status;
        Instant startTime;
        Instant endTime;
        Duration duration;
        String fromNumber;
        String toNumber;
        String fromEmail;
        String sentiment;
        String summary;
        List<String> tags = List.of();
        JsonObject metadata = JsonValue.EMPTY_JSON_OBJECT;
        List<Transcription> transcriptions = List.of();
        Map<String, JsonValue> extra = Map.of();
        JsonObject raw;
    }
}
