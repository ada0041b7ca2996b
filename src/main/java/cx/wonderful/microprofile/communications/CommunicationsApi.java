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
 *
 * <p>On a client the library built, an error response throws a {@link cx.wonderful.microprofile.WonderfulException}
 * whose code follows the HTTP status: 400 {@code INVALID_REQUEST} ({@code VALIDATION_ERROR} when the body's
 * {@code error} says so), 401 {@code UNAUTHORIZED}, 403 {@code FORBIDDEN}, 404 {@code NOT_FOUND}
 * ({@code SESSION_NOT_FOUND} when the body says so), 409 {@code SESSION_ENDED}, 429 {@code RATE_LIMITED}, another 4xx {@code INVALID_REQUEST}, 5xx {@code SERVER_ERROR},
 * anything else {@code UNEXPECTED_RESPONSE}; on the runtime's client, it throws what the runtime's default
 * {@code ResponseExceptionMapper} throws, a {@link jakarta.ws.rs.WebApplicationException}. These methods neither retry
 * nor refresh a credential: {@link WonderfulCommunications} does.
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
     * @param page the page to read, from 1
     * @param limit records per page
     * @param sort {@code field} or {@code -field} in the wire's snake_case, or {@code null} to leave it out
     * @return {@code {"data": [...], "pagination": {...}}} as received
     * @throws cx.wonderful.microprofile.WonderfulException for an error response, on a client the library built (see
     *         the interface description)
     * @throws jakarta.ws.rs.WebApplicationException for an error response, on the runtime's client
     * @throws jakarta.ws.rs.ProcessingException when the request could not be sent or the answer not read (on a
     *         Jersey-based implementation also for the {@code {}} in {@code filters}, before anything is sent)
     */
    @GET
    JsonObject list(@QueryParam(WireContract.COMMUNICATIONS_QUERY_FILTERS) String filters,
            @QueryParam(WireContract.COMMUNICATIONS_QUERY_PAGE) int page,
            @QueryParam(WireContract.COMMUNICATIONS_QUERY_LIMIT) int limit,
            @QueryParam(WireContract.COMMUNICATIONS_QUERY_SORT) String sort);

    /**
     * {@code GET /api/v1/communications/{id}}, with the record's {@code transcriptions}.
     *
     * @param id the communication's id
     * @return {@code {"data": {...}}} as received
     * @throws cx.wonderful.microprofile.WonderfulException for an error response, on a client the library built (see
     *         the interface description); {@code NOT_FOUND} when no communication has the id
     * @throws jakarta.ws.rs.WebApplicationException for an error response, on the runtime's client
     * @throws jakarta.ws.rs.ProcessingException when the request could not be sent or the answer not read
     */
    @GET
    @Path("{id}")
    JsonObject get(@PathParam("id") String id);

    /**
     * {@link #list(String, int, int, String)} with the credential of the call's identity
     * ({@link Credential#CALL_HEADER}), for the library.
     *
     * @param credential the call's credential, the value of {@link Credential#CALL_HEADER}: the scheme name, a space,
     *        the secret
     * @param filters a JSON object as text ({@code {}} for none), URL-encoded by the client
     * @param page the page to read, from 1
     * @param limit records per page
     * @param sort {@code field} or {@code -field} in the wire's snake_case, or {@code null} to leave it out
     * @return {@code {"data": [...], "pagination": {...}}} as received
     * @throws cx.wonderful.microprofile.WonderfulException for an error response, on a client the library built (see
     *         the interface description)
     * @throws jakarta.ws.rs.WebApplicationException for an error response, on the runtime's client
     * @throws jakarta.ws.rs.ProcessingException when the request could not be sent or the answer not read
     */
    @GET
    JsonObject list(@HeaderParam(Credential.CALL_HEADER) String credential,
            @QueryParam(WireContract.COMMUNICATIONS_QUERY_FILTERS) String filters,
            @QueryParam(WireContract.COMMUNICATIONS_QUERY_PAGE) int page,
            @QueryParam(WireContract.COMMUNICATIONS_QUERY_LIMIT) int limit,
            @QueryParam(WireContract.COMMUNICATIONS_QUERY_SORT) String sort);

    /**
     * {@link #get(String)} with the credential of the call's identity ({@link Credential#CALL_HEADER}), for the
     * library.
     *
     * @param credential the call's credential, the value of {@link Credential#CALL_HEADER}
     * @param id the communication's id
     * @return {@code {"data": {...}}} as received
     * @throws cx.wonderful.microprofile.WonderfulException for an error response, on a client the library built (see
     *         the interface description); {@code NOT_FOUND} when no communication has the id
     * @throws jakarta.ws.rs.WebApplicationException for an error response, on the runtime's client
     * @throws jakarta.ws.rs.ProcessingException when the request could not be sent or the answer not read
     */
    @GET
    @Path("{id}")
    JsonObject get(@HeaderParam(Credential.CALL_HEADER) String credential, @PathParam("id") String id);
}
