package cx.wonderful.demo;

import cx.wonderful.microprofile.WonderfulException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Turns the library's errors into the demo's JSON errors. The Wonderful API's own 401 or 403 must not reach the
 * browser as such: a 401 would look like the demo's sign-in failing, so upstream failures are 502.
 */
@Provider
public class WonderfulExceptionMapper implements ExceptionMapper<WonderfulException> {

    @Override
    public Response toResponse(WonderfulException e) {
        return Response.status(status(e)).type(MediaType.APPLICATION_JSON_TYPE).entity(ErrorBody.of(e)).build();
    }

    static int status(WonderfulException e) {
        return switch (e.code()) {
            case VALIDATION_ERROR, INVALID_REQUEST, MISSING_PARTICIPANT -> 400;
            // The demo's own refusal (another user's entityId) has no upstream status; an upstream 403 is a gateway error.
            case FORBIDDEN -> e.httpStatus().isPresent() ? 502 : 403;
            case SESSION_NOT_FOUND -> 404;
            case SESSION_ENDED -> 409;
            case CONFIGURATION_ERROR -> 500;
            default -> 502;
        };
    }
}
