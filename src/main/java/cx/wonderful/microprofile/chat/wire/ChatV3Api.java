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
 */
@RegisterRestClient(configKey = ChatV3Api.CONFIG_KEY)
@Path(WireContract.CHAT_V3_PATH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ChatV3Api {

    /** The MicroProfile Rest Client config key of this interface. */
    String CONFIG_KEY = RestClientOptions.CHAT;

    @POST
    ChatV3Wire.Created create(@HeaderParam(Credential.CALL_HEADER) String credential,
            @PathParam("workspaceId") String workspaceId, ChatV3Wire.CreateChat body);

    /** A text message or an action; the answer ({@code {"data": {}}}) carries nothing. */
    @POST
    @Path("{sessionId}")
    JsonObject command(@HeaderParam(Credential.CALL_HEADER) String credential, @PathParam("workspaceId") String workspaceId,
            @PathParam("sessionId") String sessionId, ChatV3Wire.Command body);

    /** {@code {"data": {"cursor", "has_more", "events": [...]}}}; {@code block} seconds of long poll, 0 for none. */
    @GET
    @Path("{sessionId}")
    JsonObject events(@HeaderParam(Credential.CALL_HEADER) String credential, @PathParam("workspaceId") String workspaceId,
            @PathParam("sessionId") String sessionId, @QueryParam("cursor") String cursor, @QueryParam("limit") int limit,
            @QueryParam("block") int block);
}
