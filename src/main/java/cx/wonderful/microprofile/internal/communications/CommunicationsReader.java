package cx.wonderful.microprofile.internal.communications;

import static cx.wonderful.microprofile.internal.WireContract.*;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.communications.Communication;
import cx.wonderful.microprofile.communications.Page;
import cx.wonderful.microprofile.communications.Pagination;
import cx.wonderful.microprofile.internal.WireValues;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/** Maps the wire JSON of the communications endpoints (§2.3, snake_case) to the public types. */
final class CommunicationsReader {

    private CommunicationsReader() {
    }

    /** A list response: {@code {"data": [...], "pagination": {...}}}. */
    static Page<Communication> page(JsonObject body) {
        JsonArray data = WireValues.array(required(body), ENVELOPE_DATA);
        JsonObject pagination = WireValues.object(body, PAGINATION);
        if (data == null || pagination == null) {
            throw new WonderfulException(ErrorCode.UNEXPECTED_RESPONSE,
                    "a communications list response must have 'data' (an array) and 'pagination'");
        }
        List<Communication> records = new ArrayList<>(data.size());
        for (JsonValue item : data) {
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                throw WireValues.unexpected(ENVELOPE_DATA + "[]", "an object", item);
            }
            records.add(Communication.fromWire(item.asJsonObject()));
        }
        return new Page<>(records, pagination(pagination));
    }

    /** A single-record response: {@code {"data": {...}}}. */
    static Communication single(JsonObject body) {
        JsonObject record = WireValues.object(required(body), ENVELOPE_DATA);
        if (record == null) {
            throw new WonderfulException(ErrorCode.UNEXPECTED_RESPONSE, "a communication response must have 'data' (an object)");
        }
        return Communication.fromWire(record);
    }

    static Pagination pagination(JsonObject wire) {
        String sort = WireValues.string(wire, PAGINATION_SORT);
        try {
            return new Pagination(Math.toIntExact(WireValues.whole(wire, PAGINATION_PAGE)),
                    Math.toIntExact(WireValues.whole(wire, PAGINATION_LIMIT)),
                    WireValues.whole(wire, PAGINATION_TOTAL_ROWS),
                    Math.toIntExact(WireValues.whole(wire, PAGINATION_TOTAL_PAGES)),
                    sort == null || sort.isEmpty() ? null : ListRequestEncoder.fromWireSort(sort));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new WonderfulException(ErrorCode.UNEXPECTED_RESPONSE, "invalid pagination " + wire + ": " + e.getMessage(), e);
        }
    }

    private static JsonObject required(JsonObject body) {
        if (body == null) {
            throw new WonderfulException(ErrorCode.UNEXPECTED_RESPONSE, "the response had no body");
        }
        return body;
    }
}
