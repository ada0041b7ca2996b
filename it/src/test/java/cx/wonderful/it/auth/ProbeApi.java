package cx.wonderful.it.auth;

import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** An authenticated endpoint of the API (communications, first page of one) to watch the credential policy work. */
@RegisterRestClient(configKey = "auth-probe")
@Path("/api/v1/communications")
public interface ProbeApi {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    JsonObject list(@QueryParam("filters") String filters, @QueryParam("limit") int limit);
}
