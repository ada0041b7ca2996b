package cx.wonderful.simulator.chat;

import cx.wonderful.simulator.ApiError;
import cx.wonderful.simulator.Jsons;
import cx.wonderful.simulator.accounts.AccountAccessCheck;
import cx.wonderful.simulator.accounts.Accounts;
import cx.wonderful.simulator.auth.Caller;
import cx.wonderful.simulator.auth.Callers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Chat V3 over REST (shared/wonderful-api.md §2.3): start a chat, send a text, end it, update its metadata, and
 * long-poll its events. The sessions are the ones the agent chat WebSocket uses.
 */
@Path("/api/workspace/{workspaceId}/v3/chat")
@RequestScoped
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
public class ChatResource {

    /** Events per poll when the request gives no limit. */
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;
    private static final Set<String> FROM_TYPES = Set.of("phone", "email", "name");

    @Inject
    Accounts accounts;
    @Inject
    SessionStore sessions;
    @Context
    HttpServletRequest request;

    @POST
    public Response create(@PathParam("workspaceId") String workspaceId, String body) {
        Caller caller = caller(workspaceId);
        JsonObject json = Jsons.object(body);
        String agentId = Jsons.optionalString(json, "agent_id");
        agentId = agentId == null ? accounts.defaultAgent() : agentId;
        AccountAccessCheck.requireAgent(accounts, agentId);
        String commType = Jsons.optionalString(json, "comm_type");
        if (commType != null && !"chat".equals(commType)) {
            throw ApiError.validation("comm_type must be chat");
        }
        Participants participants = new Participants(Jsons.optionalString(json, "from"),
                Jsons.optionalString(json, "from_type"), Jsons.optionalString(json, "to"),
                Jsons.optionalString(json, "to_type"), Jsons.optionalString(json, "locale"));
        if (participants.from() == null || participants.from().isBlank() || participants.fromType() == null) {
            throw new ApiError(400, "MISSING_PARTICIPANT", "from and from_type are required");
        }
        if (!FROM_TYPES.contains(participants.fromType())) {
            throw ApiError.validation("from_type must be phone, email or name");
        }
        JsonObject metadata = Jsons.optionalObject(json, "metadata");
        ChatSession session = sessions.create(caller, agentId, participants,
                metadata == null ? JsonValue.EMPTY_JSON_OBJECT : metadata);
        return Jsons.ok(Jsons.data(
                Json.createObjectBuilder().add("session_id", session.id()).add("cursor", Cursor.of(0)).build()));
    }

    @POST
    @Path("{sessionId}")
    public Response send(@PathParam("workspaceId") String workspaceId, @PathParam("sessionId") String sessionId,
            String body) {
        ChatSession session = session(caller(workspaceId), sessionId);
        JsonObject json = Jsons.object(body);
        JsonObject data = Jsons.optionalObject(json, "data");
        JsonObject metadata = Jsons.optionalObject(json, "metadata");
        try {
            if (data != null) {
                apply(session, data);
            } else if (metadata != null) {
                session.updateMetadata(metadata);
            } else {
                throw ApiError.validation("the body needs data (a text or an action) or metadata");
            }
        } catch (SessionEndedException e) {
            throw new ApiError(409, "SESSION_ENDED", e.getMessage());
        }
        return Jsons.ok(Jsons.data(JsonValue.EMPTY_JSON_OBJECT));
    }

    @GET
    @Path("{sessionId}")
    public Response poll(@PathParam("workspaceId") String workspaceId, @PathParam("sessionId") String sessionId,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
            @QueryParam("block") Integer block) throws InterruptedException {
        ChatSession session = session(caller(workspaceId), sessionId);
        int from = cursor == null || cursor.isEmpty() ? 0 : Cursor.parse(cursor);
        int max = limit == null ? DEFAULT_LIMIT : limit;
        if (max < 1 || max > MAX_LIMIT) {
            throw ApiError.validation("limit must be between 1 and " + MAX_LIMIT);
        }
        if (block != null && block < 0) {
            throw ApiError.validation("block must not be negative");
        }
        Duration wait = block == null ? Duration.ZERO : Duration.ofSeconds(block);
        if (wait.compareTo(accounts.maxBlock()) > 0) {
            wait = accounts.maxBlock();
        }
        session.awaitEvents(from, wait);
        List<ChatEvent> events = session.events(from, max);
        int next = Math.min(from, session.eventCount()) + events.size();
        JsonArrayBuilder array = Json.createArrayBuilder();
        events.forEach(e -> array.add(e.toRestJson()));
        return Jsons.ok(Jsons.data(Json.createObjectBuilder().add("cursor", Cursor.of(next))
                .add("has_more", next < session.eventCount()).add("events", array).build()));
    }

    private static void apply(ChatSession session, JsonObject data) {
        String type = Jsons.optionalString(data, "type");
        if ("text".equals(type)) {
            String text = Jsons.optionalString(data, "text");
            if (text == null || text.isBlank()) {
                throw ApiError.validation("text must not be blank");
            }
            session.customerText(text);
        } else if ("action".equals(type)) {
            JsonObject action = Jsons.optionalObject(data, "action");
            if (action == null || !"end".equals(Jsons.optionalString(action, "type"))) {
                throw ApiError.validation("the only action is {\"type\": \"end\"}");
            }
            session.end(EndedBy.USER);
        } else {
            throw ApiError.validation("data.type must be text or action");
        }
    }

    private Caller caller(String workspaceId) {
        Caller caller = Callers.of(request);
        if (!accounts.workspaceId().equals(workspaceId)) {
            throw ApiError.notFound("WORKSPACE_NOT_FOUND", "no workspace " + workspaceId);
        }
        return caller;
    }

    private ChatSession session(Caller caller, String sessionId) {
        return sessions.find(caller, sessionId)
                .orElseThrow(() -> ApiError.notFound("SESSION_NOT_FOUND", "no session " + sessionId));
    }
}
