package cx.wonderful.microprofile.auth;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Converts an application's metadata map to a JSON object, refusing what JSON cannot represent. */
final class JsonMetadata {

    private JsonMetadata() {
    }

    /**
     * @throws WonderfulException {@code VALIDATION_ERROR} naming the first key whose value is not JSON: a value must be
     *         null, a String, Boolean, Number (finite), JsonValue, Map with String keys, Iterable or array of these
     */
    static JsonObject toJson(Map<?, ?> metadata) {
        return object(metadata, "metadata");
    }

    /** Size of the compact serialized form in UTF-8 bytes: what the {@code 4 KB} bound measures. */
    static int serializedBytes(JsonObject metadata) {
        return metadata.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    private static JsonObject object(Map<?, ?> map, String path) {
        JsonObjectBuilder builder = Json.createObjectBuilder();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw invalid(path + " has a key that is not a String: " + typeOf(entry.getKey()));
            }
            builder.add(key, value(entry.getValue(), path + "." + key));
        }
        return builder.build();
    }

    private static JsonValue value(Object value, String path) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue json) {
            return json;
        }
        if (value instanceof String text) {
            return Json.createValue(text);
        }
        if (value instanceof Boolean flag) {
            return flag ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return Json.createValue(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return Json.createValue(big);
        }
        if (value instanceof BigDecimal decimal) {
            return Json.createValue(decimal);
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (!Double.isFinite(number)) {
                throw invalid(path + " is " + number + ", which JSON cannot represent");
            }
            return Json.createValue(number);
        }
        if (value instanceof Map<?, ?> map) {
            return object(map, path);
        }
        if (value instanceof Iterable<?> items) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            int index = 0;
            for (Object item : items) {
                array.add(value(item, path + "[" + index++ + "]"));
            }
            return array.build();
        }
        if (value instanceof Object[] items) {
            return value(java.util.Arrays.asList(items), path);
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
