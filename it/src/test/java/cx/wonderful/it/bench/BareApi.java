package cx.wonderful.it.bench;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The per-call baseline: the same two endpoints as a bare MicroProfile Rest Client, with a static credential header. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface BareApi {

    @POST
    @Path("v1/jwt/sign")
    JsonObject sign(JsonObject body);

    @POST
    @Path("workspace/{workspaceId}/v3/chat/{sessionId}")
    JsonObject send(@PathParam("workspaceId") String workspaceId, @PathParam("sessionId") String sessionId, JsonObject body);
}
