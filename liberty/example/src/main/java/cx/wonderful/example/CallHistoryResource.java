package cx.wonderful.example;

import cx.wonderful.microprofile.communications.Communication;
import cx.wonderful.microprofile.communications.CommunicationType;
import cx.wonderful.microprofile.communications.Direction;
import cx.wonderful.microprofile.communications.ListCommunications;
import cx.wonderful.microprofile.communications.Page;
import cx.wonderful.microprofile.communications.WonderfulCommunications;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

// tag::resource[]
@Path("/history") @RequestScoped @Produces(MediaType.APPLICATION_JSON)
public class CallHistoryResource {
    @Inject WonderfulCommunications communications;

    /** Inbound voice calls since a day (the simulator's seeded history is March 2026), newest first. */
    @GET @Path("inbound-calls")
    public JsonObject inboundCalls(@QueryParam("since") @DefaultValue("2026-03-01") String since) {
        Page<Communication> page = communications.list(ListCommunications.builder()
                .type(CommunicationType.VOICE).direction(Direction.INBOUND)
                .startDate(day(since))
                .sort("-createdAt").limit(50).build());
        JsonArrayBuilder calls = Json.createArrayBuilder();
        page.data().forEach(c -> calls.add(Json.createObjectBuilder()
                .add("id", c.id()).add("status", c.status().orElse("?"))));
        return Json.createObjectBuilder().add("calls", calls).add("total", page.pagination().totalRows()).build();
    }

    /** Every missed call, fetched page by page only as the stream reaches each page. */
    @GET @Path("missed")
    public JsonObject missedCalls() {
        long missed = communications.stream(ListCommunications.builder().status("missed").limit(100).build()).count();
        return Json.createObjectBuilder().add("missed", missed).build();
    }

    /** One communication with its transcriptions, and the fields a newer API added, kept as received. */
    @GET @Path("{id}")
    public JsonObject call(@PathParam("id") String id) {
        Communication call = communications.get(id);
        JsonArrayBuilder lines = Json.createArrayBuilder();
        call.transcriptions().forEach(t -> lines.add(t.speaker().orElse("?") + ": " + t.text().orElse("")));
        Map<String, JsonValue> newerFields = call.extra();
        return Json.createObjectBuilder().add("id", call.id()).add("transcript", lines)
                .add("newerFields", Json.createArrayBuilder(newerFields.keySet())).build();
    }

    private static Instant day(String isoDate) {
        try {
            return Instant.parse(isoDate + "T00:00:00Z");
        } catch (DateTimeParseException e) {
            throw new BadRequestException("since must be a day such as 2026-03-01");
        }
    }
}
// end::resource[]
