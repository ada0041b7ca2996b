package cx.wonderful.microprofile.chat.wire;

import cx.wonderful.microprofile.internal.Credential;
import cx.wonderful.microprofile.internal.RestClientOptions;
import cx.wonderful.microprofile.internal.WireContract;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The Chat V3 endpoints (§2.3) as a MicroProfile Rest Client, at the wire level. The library builds it with
 * {@code RestClients} (credential, timeouts, error mapping); under {@code wonderful-chat/mp-rest/...}, every standard MicroProfile Rest Client key ({@code uri}/{@code url}, {@code connectTimeout},
 * {@code readTimeout}, {@code followRedirects}, {@code proxyAddress}, {@code queryParamStyle}, {@code trustStore*},
 * {@code keyStore*}, {@code hostnameVerifier}, {@code providers}) applies to the client the library builds, and
 * {@code scope} is refused at startup (README, Configuration),
 * over the {@code wonderful.*} settings. {@link cx.wonderful.microprofile.chat.WonderfulChat} is the supported way
 * to chat.
 * Every method takes the credential of the call's identity ({@link Credential#CALL_HEADER}), which the library's
 * filter turns into the contract's header. Public only because the runtime's client proxies need it. Events come
 * back as JSON objects because their shapes vary (text, turn_ended, function_call, ...) and unknown ones must pass
 * through.
 *
 * <p>On a client the library built, an error response throws a {@link cx.wonderful.microprofile.WonderfulException}
 * whose code follows the HTTP status: 400 {@code INVALID_REQUEST} ({@code VALIDATION_ERROR} when the body's
 * {@code error} says so), 401 {@code UNAUTHORIZED}, 403 {@code FORBIDDEN}, 404 {@code NOT_FOUND}
 * ({@code SESSION_NOT_FOUND} when the body says so), 409 {@code SESSION_ENDED}, 429 {@code RATE_LIMITED}, another
 * 4xx {@code INVALID_REQUEST}, 5xx {@code SERVER_ERROR}, anything else {@code UNEXPECTED_RESPONSE}. These methods
 * neither retry nor refresh a credential: {@code WonderfulChat} does.
 */
@RegisterRestClient(configKey = ChatV3Api.CONFIG_KEY)
@Path(WireContract.CHAT_V3_PATH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ChatV3Api {

    /** The MicroProfile Rest Client config key of this interface. */
    String CONFIG_KEY = RestClientOptions.CHAT;

    /**
     * {@code POST /api/workspace/{workspaceId}/v3/chat}: creates a chat session.
     *
     * @param credential the call's credential, the value of {@link Credential#CALL_HEADER}: the scheme name, a space,
     *        the secret
     * @param workspaceId the workspace ({@code wonderful.workspace-id})
     * @param body the agent, the channel, the metadata and the participants
     * @return the answer, with the new session's id and its events cursor
     * @throws cx.wonderful.microprofile.WonderfulException for an error response, on a client the library built (see
     *         the interface description)
     * @throws jakarta.ws.rs.ProcessingException when the request could not be sent or the answer not read
     */
    @POST
    ChatV3Wire.Created create(@HeaderParam(Credential.CALL_HEADER) String credential,
            @PathParam("workspaceId") String workspaceId, ChatV3Wire.CreateChat body);

    /**
     * {@code POST /api/workspace/{workspaceId}/v3/chat/{sessionId}}: a text message or an action; the answer
     * ({@code {"data": {}}}) carries nothing.
     *
     * @param credential the call's credential, the value of {@link Credential#CALL_HEADER}
     * @param workspaceId the workspace ({@code wonderful.workspace-id})
     * @param sessionId the session
     * @param body the message ({@link ChatV3Wire.Command#text}) or the action ({@link ChatV3Wire.Command#end})
     * @return the answer as received
     * @throws cx.wonderful.microprofile.WonderfulException for an error response, on a client the library built (see
     *         the interface description); {@code SESSION_ENDED} (409) when the session has ended
     * @throws jakarta.ws.rs.ProcessingException when the request could not be sent or the answer not read
     */
    @POST
    @Path("{sessionId}")
    JsonObject command(@HeaderParam(Credential.CALL_HEADER) String credential, @PathParam("workspaceId") String workspaceId,
            @PathParam("sessionId") String sessionId, ChatV3Wire.Command body);

    /**
     * {@code GET /api/workspace/{workspaceId}/v3/chat/{sessionId}}: the session's events after {@code cursor}.
     *
     * @param credential the call's credential, the value of {@link Credential#CALL_HEADER}
     * @param workspaceId the workspace ({@code wonderful.workspace-id})
     * @param sessionId the session
     * @param cursor where to read from: the {@code cursor} of the creation answer or of a previous page, or
     *        {@code 0-0} for the start of the session
     * @param limit the most events to return
     * @param block seconds the server may wait for an event when there is none yet (long poll); 0 for none
     * @return {@code {"data": {"cursor", "has_more", "events": [...]}}} as received
     * @throws cx.wonderful.microprofile.WonderfulException for an error response, on a client the library built (see
     *         the interface description)
     * @throws jakarta.ws.rs.ProcessingException when the request could not be sent or the answer not read
     */
    @GET
    @Path("{sessionId}")
    JsonObject events(@HeaderParam(Credential.CALL_HEADER) String credential, @PathParam("workspaceId") String workspaceId,
            @PathParam("sessionId") String sessionId, @QueryParam("cursor") String cursor, @QueryParam("limit") int limit,
            @QueryParam("block") int block);
}
