package cx.wonderful.microprofile.internal;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the typed values of a wire record leniently where the contract is loose (times as epoch milliseconds or
 * ISO-8601, numbers as numbers or numeric strings) and strictly otherwise: a value of the wrong kind is an
 * {@code UNEXPECTED_RESPONSE} naming the field.
 */
public final class WireValues {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private WireValues() {
    }

    /** A string field; absent and {@code null} give {@code null}; a number is taken as its text. */
    public static String string(JsonObject record, String field) {
        JsonValue value = present(record, field);
        if (value == null) {
            return null;
        }
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> value.toString();
            default -> throw unexpected(field, "a string", value);
        };
    }

    /** Like {@link #string} but any JSON value is accepted: strings as they are, anything else as its JSON text. */
    public static String text(JsonObject record, String field) {
        JsonValue value = present(record, field);
        if (value == null) {
            return null;
        }
        return value.getValueType() == JsonValue.ValueType.STRING ? ((JsonString) value).getString() : value.toString();
    }

    /** A time: epoch milliseconds (number or numeric string) or an ISO-8601 date-time with an offset or {@code Z}. */
    public static Instant instant(JsonObject record, String field) {
        JsonValue value = present(record, field);
        if (value == null) {
            return null;
        }
        if (value.getValueType() == JsonValue.ValueType.NUMBER) {
            return Instant.ofEpochMilli(millis(((JsonNumber) value).bigDecimalValue(), field, value));
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw unexpected(field, "epoch milliseconds or an ISO-8601 time", value);
        }
        String text = ((JsonString) value).getString().trim();
        if (NUMBER.matcher(text).matches()) {
            return Instant.ofEpochMilli(millis(new BigDecimal(text), field, value));
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw unexpected(field, "epoch milliseconds or an ISO-8601 time", value);
        }
    }

    /**
     * A time read as {@link #instant(JsonObject, String)} reads one, or null when it is missing or not a time: the
     * socket frames' policy (a frame with a bad time is kept, without its time).
     */
    public static Instant instantOrNull(JsonObject record, String field) {
        try {
            return instant(record, field);
        } catch (WonderfulException e) {
            return null;
        }
    }


    /** A duration in milliseconds (number or numeric string; fractions kept to the nanosecond). */
    public static Duration millisDuration(JsonObject record, String field) {
        JsonValue value = present(record, field);
        if (value == null) {
            return null;
        }
        BigDecimal millis;
        if (value.getValueType() == JsonValue.ValueType.NUMBER) {
            millis = ((JsonNumber) value).bigDecimalValue();
        } else if (value.getValueType() == JsonValue.ValueType.STRING
                && NUMBER.matcher(((JsonString) value).getString().trim()).matches()) {
            millis = new BigDecimal(((JsonString) value).getString().trim());
        } else {
            throw unexpected(field, "milliseconds", value);
        }
        if (millis.signum() < 0) {
            throw unexpected(field, "a duration of 0 ms or more", value);
        }
        try {
            return Duration.ofNanos(millis.movePointRight(6).longValueExact());
        } catch (ArithmeticException e) {
            throw unexpected(field, "milliseconds in range", value);
        }
    }

    /** A list of strings; absent and {@code null} give an empty list. */
    public static List<String> strings(JsonObject record, String field) {
        JsonValue value = present(record, field);
        if (value == null) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw unexpected(field, "an array of strings", value);
        }
        List<String> strings = new ArrayList<>();
        for (JsonValue item : (JsonArray) value) {
            if (item.getValueType() == JsonValue.ValueType.STRING) {
                strings.add(((JsonString) item).getString());
            } else if (item.getValueType() != JsonValue.ValueType.NULL) {
                strings.add(item.toString());
            }
        }
        return List.copyOf(strings);
    }

    /** An object; absent and {@code null} give {@code null}. */
    public static JsonObject object(JsonObject record, String field) {
        JsonValue value = ofType(record, field, JsonValue.ValueType.OBJECT, "an object");
        return value == null ? null : value.asJsonObject();
    }

    /** An array; absent and {@code null} give {@code null}. */
    public static JsonArray array(JsonObject record, String field) {
        JsonValue value = ofType(record, field, JsonValue.ValueType.ARRAY, "an array");
        return value == null ? null : value.asJsonArray();
    }

    private static JsonValue ofType(JsonObject record, String field, JsonValue.ValueType type, String expected) {
        JsonValue value = present(record, field);
        if (value != null && value.getValueType() != type) {
            throw unexpected(field, expected, value);
        }
        return value;
    }

    /** A whole number (number or numeric string). */
    public static long whole(JsonObject record, String field) {
        JsonValue value = present(record, field);
        try {
            if (value != null && value.getValueType() == JsonValue.ValueType.NUMBER) {
                return ((JsonNumber) value).bigDecimalValue().longValueExact();
            }
            if (value != null && value.getValueType() == JsonValue.ValueType.STRING) {
                return Long.parseLong(((JsonString) value).getString().trim());
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw unexpected(field, "a whole number", value);
        }
        throw unexpected(field, "a whole number", value == null ? JsonValue.NULL : value);
    }

    public static WonderfulException unexpected(String field, String expected, JsonValue value) {
        return new WonderfulException(ErrorCode.UNEXPECTED_RESPONSE,
                "'" + field + "' should be " + expected + ", was " + abbreviate(value));
    }

    private static JsonValue present(JsonObject record, String field) {
        JsonValue value = record.get(field);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
    }

    private static long millis(BigDecimal millis, String field, JsonValue value) {
        try {
            return millis.setScale(0, RoundingMode.FLOOR).longValueExact();
        } catch (ArithmeticException e) {
            throw unexpected(field, "epoch milliseconds in range", value);
        }
    }

    private static String abbreviate(JsonValue value) {
        String text = value.toString();
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
