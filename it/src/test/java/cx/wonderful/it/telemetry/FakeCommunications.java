package cx.wonderful.it.telemetry;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The communications endpoints of the contract, answered by the test WAR itself (the library's
 * {@code wonderful-communications/mp-rest/url} points here), so that the test sees the headers of the library's
 * requests: each request's {@code traceparent} values are kept.
 */
@Path("/v1/communications")
@Produces(MediaType.APPLICATION_JSON)
public class FakeCommunications {

    static final String MISSING = "missing-communication";
    static final List<List<String>> TRACEPARENTS = new CopyOnWriteArrayList<>();

    @Context
    HttpHeaders headers;

    @GET
    public String list() {
        record();
        return "{\"data\":[],\"pagination\":{\"page\":1,\"limit\":20,\"total_rows\":0,\"total_pages\":0},\"status\":200}";
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        record();
        if (MISSING.equals(id)) {
            return Response.status(404).entity("{\"message\":\"no such communication\",\"error\":\"NOT_FOUND\"}").build();
        }
        return Response.ok("{\"data\":{\"id\":\"" + id + "\",\"type\":\"chat\",\"transcriptions\":[]}}").build();
    }

    private void record() {
        List<String> values = headers.getRequestHeader("traceparent");
        TRACEPARENTS.add(values == null ? List.of() : List.copyOf(values));
    }
}
