package cx.wonderful.it.bench;

import cx.wonderful.it.support.Simulator;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** The baseline's credential: the same headers the library sends, fixed, with no policy around them. */
public final class StaticApiKey implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle("x-api-key", Simulator.API_KEY);
        request.getHeaders().putSingle("X-Tenant-ID", Simulator.TENANT);
        request.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
    }
}
