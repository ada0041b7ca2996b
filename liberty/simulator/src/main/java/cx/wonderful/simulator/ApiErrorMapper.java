package cx.wonderful.simulator;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Writes an {@link ApiError} as its status and JSON error body. */
@Provider
public class ApiErrorMapper implements ExceptionMapper<ApiError> {

    @Override
    public Response toResponse(ApiError error) {
        if (StrictContract.on() && error.status() == 409) {
            // Any 409 body for an ended session (§2.5): here plain text, not JSON at all.
            return Response.status(409).type(MediaType.TEXT_PLAIN_TYPE).entity("Conflict: " + error.getMessage()).build();
        }
        return Response.status(error.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(error.body().toString())
                .build();
    }
}
