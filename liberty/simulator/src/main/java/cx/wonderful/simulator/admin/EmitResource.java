package cx.wonderful.simulator.admin;

import cx.wonderful.simulator.ApiError;
import cx.wonderful.simulator.Jsons;
import cx.wonderful.simulator.chat.ChatSession;
import cx.wonderful.simulator.chat.SessionEndedException;
import cx.wonderful.simulator.chat.SessionStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /__admin/sessions/{id}/emit {"count": N}} (admin key required, like all of {@code /__admin}): drives
 * session {@code id} through N customer turns as fast as the server can, for load and delivery measurements. Each
 * turn is an ordinary {@link ChatSession#customerText customer text} {@code "emit <n> <nanoTime>"} (then the scripted
 * agent's echo and {@code turn_ended}), so it is recorded, replayed on resume and pushed to the attached sockets
 * exactly as any other; {@code <nanoTime>} is {@link System#nanoTime()} just before the turn is recorded and sent,
 * comparable by a client in the same JVM. Answers {@code {"data": {"emitted": N, "transcripts": 2N}}} once every
 * turn has been handed to the sockets; 400 for a count outside 1..{@value #MAX_COUNT}, 404 {@code SESSION_NOT_FOUND},
 * 409 {@code SESSION_ENDED} (with the turns emitted before the end kept).
 */
@Path("/__admin/sessions/{id}/emit")
@RequestScoped
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
public class EmitResource {

    /** The most turns one request may emit: keeps a mistyped count from holding the session's lock for minutes. */
    static final int MAX_COUNT = 100_000;

    @Inject
    SessionStore sessions;

    @POST
    public Response emit(@PathParam("id") String id, String body) {
        JsonObject json = Jsons.object(body);
        JsonValue raw = json.get("count");
        if (raw != null && !(raw instanceof JsonNumber number && number.isIntegral())) {
            throw ApiError.validation("count must be a whole number");
        }
        long count = raw == null ? 1 : ((JsonNumber) raw).longValue();
        if (count < 1 || count > MAX_COUNT) {
            throw ApiError.validation("count must be from 1 to " + MAX_COUNT + ", was " + count);
        }
        ChatSession session = sessions.find(id).orElseThrow(() -> ApiError.notFound("SESSION_NOT_FOUND", "no session " + id));
        try {
            for (long n = 1; n <= count; n++) {
                session.customerText("emit " + n + " " + System.nanoTime());
            }
        } catch (SessionEndedException e) {
            throw new ApiError(409, "SESSION_ENDED", e.getMessage());
        }
        return Jsons.ok(Jsons.data(Json.createObjectBuilder().add("emitted", count).add("transcripts", 2 * count).build()));
    }
}
