package cx.wonderful.microprofile.communications;

import cx.wonderful.microprofile.internal.Credential;
import cx.wonderful.microprofile.internal.RestClientOptions;
import cx.wonderful.microprofile.internal.WireContract;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The communications endpoints as a MicroProfile Rest Client, at the wire level (§2.3): snake_case JSON as
 * received. {@link WonderfulCommunications} is the supported way to use them (validation, credentials, retries,
 * typed results); this interface is public so that the library's own components, and an application that needs
 * the raw records, share one definition. Under {@code wonderful-communications/mp-rest/...}, every standard MicroProfile Rest Client key ({@code uri}/{@code url}, {@code connectTimeout},
 * {@code readTimeout}, {@code followRedirects}, {@code proxyAddress}, {@code queryParamStyle}, {@code trustStore*},
 * {@code keyStore*}, {@code hostnameVerifier}, {@code providers}) applies to the client the library builds, and
 * {@code scope} is refused at startup (README, Configuration) (the
 * library's list query, which it writes itself, has one value per parameter: {@code queryParamStyle} changes nothing
 * there). Injected as {@code @RestClient}, it is the runtime's client: the same keys, as the runtime applies them, and
 * no credential unless the application adds one.
 */
@RegisterRestClient(configKey = CommunicationsApi.CONFIG_KEY)
@Path(WireContract.COMMUNICATIONS_PATH)
@Produces(MediaType.APPLICATION_JSON)
public interface CommunicationsApi {

    /** The MicroProfile Rest Client config key of this interface. */
    String CONFIG_KEY = RestClientOptions.COMMUNICATIONS;

    /**
     * {@code GET /api/v1/communications}.
     *
     * <p>The library itself lists communications with a query it encodes itself ({@link WonderfulCommunications}):
     * a Jersey-based implementation (Payara, Helidon) reads the {@code {}} of a JSON value as a URI template and
     * fails this method before sending anything, while RESTEasy (Open Liberty, WildFly) sends it URL-encoded.
     *
     * @param filters a JSON object as text ({@code {}} for none), URL-encoded by the client
     * @param sort {@code field} or {@code -field} in the wire's snake_case, or {@code null} to leave it out
     */
    @GET
    JsonObject list(@QueryParam(WireContract.COMMUNICATIONS_QUERY_FILTERS) String filters,
            @QueryParam(WireContract.COMMUNICATIONS_QUERY_PAGE) int page,
            @QueryParam(WireContract.COMMUNICATIONS_QUERY_LIMIT) int limit,
            @QueryParam(WireContract.COMMUNICATIONS_QUERY_SORT) String sort);

    /** {@code GET /api/v1/communications/{id}}, with the record's {@code transcriptions}. */
    @GET
    @Path("{id}")
    JsonObject get(@PathParam("id") String id);

    /** {@link #list} with the credential of the call's identity ({@link Credential#CALL_HEADER}), for the library. */
    @GET
    JsonObject list(@HeaderParam(Credential.CALL_HEADER) String credential,
            @QueryParam(WireContract.COMMUNICATIONS_QUERY_FILTERS) String filters,
            @QueryParam(WireContract.COMMUNICATIONS_QUERY_PAGE) int page,
            @QueryParam(WireContract.COMMUNICATIONS_QUERY_LIMIT) int limit,
            @QueryParam(WireContract.COMMUNICATIONS_QUERY_SORT) String sort);

    /** {@link #get} with the credential of the call's identity ({@link Credential#CALL_HEADER}), for the library. */
    @GET
    @Path("{id}")
    JsonObject get(@HeaderParam(Credential.CALL_HEADER) String credential, @PathParam("id") String id);
}
