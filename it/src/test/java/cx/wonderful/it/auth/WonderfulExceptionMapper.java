package cx.wonderful.it.auth;

import cx.wonderful.microprofile.WonderfulException;
import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers a library error as {@code {"error": "<CODE>", "message", "recoverable"}}: 400 for bad input, 502 otherwise. */
@Provider
public class WonderfulExceptionMapper implements ExceptionMapper<WonderfulException> {

    @Override
    public Response toResponse(WonderfulException e) {
        int status = switch (e.code()) {
            case VALIDATION_ERROR, INVALID_REQUEST -> 400;
            case NETWORK_ERROR, SERVER_ERROR, RATE_LIMITED -> 503;
            default -> 502;
        };
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add("error", e.code().name()).add("message", e.getMessage())
                        .add("recoverable", e.recoverable()).build())
                .build();
    }
}
