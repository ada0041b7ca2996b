package cx.wonderful.it.auth;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.auth.SignRequest;
import cx.wonderful.microprofile.auth.SignResponse;
import cx.wonderful.microprofile.auth.WonderfulAuth;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The seed's token endpoint, as an application writes it: {@code POST /api/sdk-token} with
 * {@code {"id"?, "expiresIn"?, "metadata"?, "tenantId"?}} answers {@code {"token", "expiresAt", "id"}}, the token being
 * a JWT signed by Wonderful for that end user. Errors go through {@link WonderfulExceptionMapper}.
 */
@Path("/api/sdk-token")
@RequestScoped
public class SdkTokenResource {

    @Inject
    WonderfulAuth auth;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject token(JsonObject body) {
        SignRequest.Builder request = SignRequest.builder();
        JsonObject in = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
        if (in.containsKey("id")) {
            request.id(string(in, "id"));
        }
        if (in.containsKey("tenantId")) {
            request.tenantId(string(in, "tenantId"));
        }
        if (in.containsKey("expiresIn")) {
            if (!(in.get("expiresIn") instanceof JsonNumber seconds) || !seconds.isIntegral()) {
                throw invalid("expiresIn must be an integer number of seconds");
            }
            request.expiresInSeconds(seconds.longValue());
        }
        if (in.containsKey("metadata")) {
            if (!(in.get("metadata") instanceof JsonObject metadata)) {
                throw invalid("metadata must be a JSON object");
            }
            request.metadata(metadata);
        }
        SignResponse signed = auth.sign(request.build());
        return Json.createObjectBuilder()
                .add("token", signed.jwt())
                .add("expiresAt", signed.expiresAtEpochSecond())
                .add("id", signed.id().toString())
                .build();
    }

    private static String string(JsonObject in, String name) {
        if (!(in.get(name) instanceof JsonString text)) {
            throw invalid(name + " must be a string");
        }
        return text.getString();
    }

    private static WonderfulException invalid(String message) {
        return new WonderfulException(ErrorCode.VALIDATION_ERROR, message);
    }
}
