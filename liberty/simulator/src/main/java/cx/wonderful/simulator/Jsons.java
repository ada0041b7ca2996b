package cx.wonderful.simulator;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;

/** JSON in and out of the REST resources: the body is parsed here so malformed JSON gets the API's 400 body. */
public final class Jsons {

    private Jsons() {
    }

    /** Parses a request body that must be a JSON object; an empty body is an empty object. */
    public static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        JsonValue value = value(body);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ApiError.badRequest("the request body must be a JSON object");
        }
        return value.asJsonObject();
    }

    /** Parses any JSON value, answering 400 when it is malformed. */
    public static JsonValue value(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonException e) {
            throw ApiError.badRequest("malformed JSON");
        }
    }

    /** A 200 response with a JSON body. */
    public static Response ok(JsonValue body) {
        return Response.ok(StrictContract.decorate(body).toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** A response with the given status and JSON body. */
    public static Response status(int status, JsonValue body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(StrictContract.decorate(body).toString())
                .build();
    }

    /** The success envelope {@code {"data": value}}. */
    public static JsonObject data(JsonValue value) {
        return Json.createObjectBuilder().add("data", value).build();
    }

    /** A string member, or null when absent or JSON null; 400 when present with another type. */
    public static String optionalString(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw ApiError.validation(name + " must be a string");
        }
        return object.getString(name);
    }

    /** An object member, or null when absent or JSON null; 400 when present with another type. */
    public static JsonObject optionalObject(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ApiError.validation(name + " must be a JSON object");
        }
        return value.asJsonObject();
    }
}
