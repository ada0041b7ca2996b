package cx.wonderful.microprofile.internal;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** A rest client interface for the invoker tests. */
@RegisterRestClient(configKey = "echo")
@Path("/api/v1/echo")
public interface EchoApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    JsonObject echo(JsonObject body);

    /** {@link #echo(JsonObject)} with the credential of the call's identity, as the library's own clients take it. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    JsonObject echo(@HeaderParam(Credential.CALL_HEADER) String credential, JsonObject body);

    /** An idempotent read, for the retry policy of reads and the engine's own retries (which only touch those). */
    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    JsonObject read(@PathParam("id") String id);
}
