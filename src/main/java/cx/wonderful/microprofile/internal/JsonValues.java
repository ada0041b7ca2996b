package cx.wonderful.microprofile.internal;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Converts an application's metadata (a map of plain Java values) to JSON, refusing what JSON cannot represent. */
public final class JsonValues {

    /**
     * The JSON-P provider, looked up once: every {@code JSON.createXxx} call looks it up again, which on Liberty
     * scans the class loaders' resources and was the library's largest per-frame cost in the benchmarks.
     */
    public static final JsonProvider JSON = JsonProvider.provider();

    /** Deeper nesting is refused: it is no metadata, and a map that contains itself must fail clearly. */
    public static final int MAX_DEPTH = 16;

    private JsonValues() {
    }

    /**
     * @param path the name of the map in error messages, for example {@code "metadata"}
     * @throws WonderfulException {@code VALIDATION_ERROR} naming the first key whose value is not JSON: a value must be
     *         null, a String, Boolean, Number (finite), JsonValue, Map with String keys, Iterable or array of these,
     *         nested at most {@value #MAX_DEPTH} deep
     */
    public static JsonObject toJsonObject(Map<?, ?> map, String path) {
        return object(map, path, 0);
    }

    /** Size of the compact serialized form in UTF-8 bytes: what a {@code 4 KB} bound measures. */
    public static int serializedBytes(JsonObject object) {
        return object.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    private static JsonObject object(Map<?, ?> map, String path, int depth) {
        JsonObjectBuilder builder = JSON.createObjectBuilder();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw invalid(path + " has a key that is not a String: " + typeOf(entry.getKey()));
            }
            builder.add(key, value(entry.getValue(), path + "." + key, depth + 1));
        }
        return builder.build();
    }

    private static JsonValue value(Object value, String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw invalid(path + " is nested deeper than " + MAX_DEPTH);
        }
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue json) {
            return json;
        }
        if (value instanceof String text) {
            return JSON.createValue(text);
        }
        if (value instanceof Boolean flag) {
            return flag ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return JSON.createValue(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return JSON.createValue(big);
        }
        if (value instanceof BigDecimal decimal) {
            return JSON.createValue(decimal);
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (!Double.isFinite(number)) {
                throw invalid(path + " is " + number + ", which JSON cannot represent");
            }
            return JSON.createValue(number);
        }
        if (value instanceof Map<?, ?> map) {
            return object(map, path, depth);
        }
        if (value instanceof Iterable<?> items) {
            JsonArrayBuilder array = JSON.createArrayBuilder();
            int index = 0;
            for (Object item : items) {
                array.add(value(item, path + "[" + index++ + "]", depth + 1));
            }
            return array.build();
        }
        if (value instanceof Object[] items) {
            return value(java.util.Arrays.asList(items), path, depth);
        }
        throw invalid(path + " is a " + typeOf(value) + ", which is not a JSON value");
    }

    private static String typeOf(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }

    private static WonderfulException invalid(String message) {
        return new WonderfulException(ErrorCode.VALIDATION_ERROR, message);
    }
}
