package cx.wonderful.simulator.admin;

import cx.wonderful.simulator.ApiError;
import cx.wonderful.simulator.Jsons;
import cx.wonderful.simulator.accounts.Accounts;
import cx.wonderful.simulator.auth.TokenRevocations;
import cx.wonderful.simulator.chat.ChatSession;
import cx.wonderful.simulator.chat.EndedBy;
import cx.wonderful.simulator.chat.Participants;
import cx.wonderful.simulator.chat.SessionListener;
import cx.wonderful.simulator.chat.SessionStore;
import cx.wonderful.simulator.communications.ChatRecords;
import cx.wonderful.simulator.journal.Journal;
import cx.wonderful.simulator.journal.JournalEntry;
import cx.wonderful.simulator.jwt.JwtService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;

/**
 * The simulator's admin API under {@code /__admin}, guarded by {@code X-Simulator-Admin-Key} in the gateway
 * filter: reset, token revocation and expiry, fault injection, refused handshakes, socket drops, session
 * inspection and the request journal. Every answer is JSON, {@code {"data": ...}}.
 */
@Path("/__admin")
@RequestScoped
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    /** Where {@code handshakes/refuse} applies when no path is given: every agent chat handshake. */
    static final String AGENT_CHAT_PREFIX = "/api/v1/agents/";

    @Inject
    Accounts accounts;
    @Inject
    SessionStore sessions;
    @Inject
    TokenRevocations revocations;
    @Inject
    FaultRegistry faults;
    @Inject
    Journal journal;
    @Inject
    JwtService jwts;

    @POST
    @Path("reset")
    public Response reset() {
        sessions.reset();
        revocations.reset();
        faults.clear();
        journal.clear();
        return Jsons.ok(Jsons.data(Json.createObjectBuilder().add("reset", true).build()));
    }

    @POST
    @Path("tokens/revoke")
    public Response revoke(String body) {
        return mark(Jsons.object(body), TokenRevocations.State.REVOKED);
    }

    @POST
    @Path("tokens/expire")
    public Response expire(String body) {
        return mark(Jsons.object(body), TokenRevocations.State.EXPIRED);
    }

    @POST
    @Path("faults")
    public Response addFault(String body) {
        JsonObject json = Jsons.object(body);
        String path = Jsons.optionalString(json, "path");
        if (path == null) {
            throw ApiError.validation("path (a path prefix) is required");
        }
        return Jsons.ok(Jsons.data(add(Jsons.optionalString(json, "method"), path, json, false).toJson()));
    }

    @GET
    @Path("faults")
    public Response faults() {
        JsonArrayBuilder array = Json.createArrayBuilder();
        faults.pending().forEach(f -> array.add(f.toJson()));
        return Jsons.ok(Jsons.data(array.build()));
    }

    @DELETE
    @Path("faults")
    public Response clearFaults() {
        faults.clear();
        return Jsons.ok(Jsons.data(JsonValue.EMPTY_JSON_OBJECT));
    }

    @POST
    @Path("handshakes/refuse")
    public Response refuseHandshakes(String body) {
        JsonObject json = Jsons.object(body);
        if (!json.containsKey("status")) {
            throw ApiError.validation("status is required");
        }
        String path = Jsons.optionalString(json, "path");
        return Jsons.ok(Jsons.data(add("GET", path == null ? AGENT_CHAT_PREFIX : path, json, true).toJson()));
    }

    @GET
    @Path("sessions/{id}")
    public Response describeSession(@PathParam("id") String id) {
        ChatSession session = session(id);
        Participants p = session.participants();
        JsonObjectBuilder participants = Json.createObjectBuilder();
        put(participants, "from", p.from());
        put(participants, "from_type", p.fromType());
        put(participants, "to", p.to());
        put(participants, "to_type", p.toType());
        put(participants, "locale", p.locale());
        JsonObjectBuilder json = Json.createObjectBuilder(ChatRecords.of(session))
                .add("participants", participants).add("sockets", session.listeners().size());
        put(json, "ended_by", session.endedBy().map(EndedBy::wire).orElse(null));
        return Jsons.ok(Jsons.data(json.build()));
    }

    @POST
    @Path("sessions/{id}/drop")
    public Response drop(@PathParam("id") String id, String body) {
        ChatSession session = session(id);
        JsonObject json = Jsons.object(body);
        int code = json.get("code") instanceof JsonNumber n ? n.intValue() : 1011;
        if (code < 1000 || code > 4999 || code == 1005 || code == 1015) {
            throw ApiError.validation("code must be a WebSocket close code (1006: abort without a close frame)");
        }
        String reason = Jsons.optionalString(json, "reason");
        Set<SessionListener> sockets = session.listeners();
        sockets.forEach(socket -> socket.drop(code, reason == null ? "dropped by the simulator" : reason));
        return Jsons.ok(Jsons.data(Json.createObjectBuilder().add("dropped", sockets.size()).build()));
    }

    @GET
    @Path("journal")
    public Response journal(@QueryParam("path") String pathPrefix) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (JournalEntry entry : journal.entries(pathPrefix)) {
            array.add(entry.toJson());
        }
        return Jsons.ok(Jsons.data(array.build()));
    }

    @DELETE
    @Path("journal")
    public Response clearJournal() {
        journal.clear();
        return Jsons.ok(Jsons.data(JsonValue.EMPTY_JSON_OBJECT));
    }

    private Response mark(JsonObject json, TokenRevocations.State state) {
        String token = Jsons.optionalString(json, "token");
        String subject = Jsons.optionalString(json, "subject");
        if ((token == null) == (subject == null)) {
            throw ApiError.validation("give exactly one of token or subject");
        }
        int count;
        if (subject != null) {
            if (state != TokenRevocations.State.REVOKED) {
                throw ApiError.validation("expire takes a token, not a subject");
            }
            count = revocations.revokeSubject(subject) + accounts.tokensOf(subject).size();
        } else if (accounts.ownerOfToken(token).isPresent()) {
            revocations.markToken(token, state);
            count = 1;
        } else {
            String jti = jwts.idOf(token)
                    .orElseThrow(() -> ApiError.notFound("TOKEN_NOT_FOUND", "not a token of this simulator"));
            revocations.markJwt(jti, state);
            count = 1;
        }
        return Jsons.ok(Jsons.data(Json.createObjectBuilder().add("tokens", count).build()));
    }

    private Fault add(String method, String path, JsonObject json, boolean handshakesOnly) {
        int times = json.get("times") instanceof JsonNumber n ? n.intValue() : 1;
        long delayMs = json.get("delay_ms") instanceof JsonNumber n ? n.longValue() : 0;
        int status = json.get("status") instanceof JsonNumber n ? n.intValue() : 0;
        boolean reset = json.getBoolean("reset", false);
        try {
            return faults.add(method, path, times, handshakesOnly, delayMs, reset, status,
                    Jsons.optionalObject(json, "body"));
        } catch (IllegalArgumentException e) {
            throw ApiError.validation(e.getMessage());
        }
    }

    private ChatSession session(String id) {
        return sessions.find(id).orElseThrow(() -> ApiError.notFound("SESSION_NOT_FOUND", "no session " + id));
    }

    private static void put(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}
