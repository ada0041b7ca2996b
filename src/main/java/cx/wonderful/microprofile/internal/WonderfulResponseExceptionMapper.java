package cx.wonderful.microprofile.internal;

import cx.wonderful.microprofile.WonderfulException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Makes every error response of a library client throw a {@link WonderfulException} ({@link ErrorResponses}). */
final class WonderfulResponseExceptionMapper implements ResponseExceptionMapper<WonderfulException> {

    @Override
    public WonderfulException toThrowable(Response response) {
        return ErrorResponses.toException(response);
    }

    @Override
    public int getPriority() {
        // Before the implementation's default mapper (Integer.MAX_VALUE), which would throw WebApplicationException.
        return 1000;
    }
}
