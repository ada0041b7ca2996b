package cx.wonderful.simulator.communications;

import cx.wonderful.simulator.ApiError;
import cx.wonderful.simulator.Jsons;
import cx.wonderful.simulator.auth.Caller;
import cx.wonderful.simulator.auth.Callers;
import cx.wonderful.simulator.chat.SessionStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Communications history (shared/wonderful-api.md §2.3): the caller's tenant's seeded records plus a {@code chat}
 * record for every chat session it holds. The list omits {@code transcriptions}; the single record has them.
 */
@Path("/api/v1/communications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CommunicationsResource {

    @Inject
    SeedHistory seeds;
    @Inject
    SessionStore sessions;
    @Context
    HttpServletRequest request;

    @GET
    public Response list(@QueryParam("filters") String filters, @QueryParam("page") Integer page,
            @QueryParam("limit") Integer limit, @QueryParam("sort") String sort) {
        Caller caller = Callers.of(request);
        CommunicationQuery query = CommunicationQuery.parse(filters, page, limit, sort);
        // An end user sees their own chats only; the seeded history is the tenant's (SIMULATOR.md "Who sees what").
        List<JsonObject> records = new ArrayList<>(caller.subject() == null ? seeds.summaries(caller.tenantId()) : List.of());
        sessions.of(caller).forEach(session -> records.add(ChatRecords.summary(session)));
        CommunicationQuery.Page result = query.apply(records);
        JsonArrayBuilder rows = Json.createArrayBuilder();
        result.rows().forEach(rows::add);
        return Jsons.ok(Json.createObjectBuilder().add("data", rows)
                .add("pagination", Json.createObjectBuilder().add("limit", result.limit()).add("page", result.page())
                        .add("sort", result.sort()).add("total_rows", result.totalRows())
                        .add("total_pages", result.totalPages()))
                .add("status", 200).build());
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        Caller caller = Callers.of(request);
        List<JsonObject> seeded = caller.subject() == null ? seeds.of(caller.tenantId()) : List.of();
        Optional<JsonObject> record = seeded.stream().filter(r -> r.getString("id").equals(id))
                .findFirst().or(() -> sessions.find(caller, id).map(ChatRecords::of));
        return record.map(r -> Jsons.ok(Jsons.data(r)))
                .orElseThrow(() -> ApiError.notFound("COMMUNICATION_NOT_FOUND", "no communication " + id));
    }
}
