package cx.wonderful.microprofile.auth;

import cx.wonderful.microprofile.internal.RestClientOptions;
import cx.wonderful.microprofile.internal.WireContract;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * {@code POST /api/v1/jwt/sign} (shared/wonderful-api.md §2.3). JSON-P on the wire, mapped by the auth module: the
 * response may hold {@code jwt} alone or also {@code expiresAt} and {@code id}, which a tolerant reader handles better
 * than a bound class. Public only because Rest Client implementations invoke the interface reflectively. Under
 * {@code wonderful-auth/mp-rest/...}, every standard MicroProfile Rest Client key ({@code uri}/{@code url}, {@code connectTimeout},
 * {@code readTimeout}, {@code followRedirects}, {@code proxyAddress}, {@code queryParamStyle}, {@code trustStore*},
 * {@code keyStore*}, {@code hostnameVerifier}, {@code providers}) applies to the client the library builds, and
 * {@code scope} is refused at startup (README, Configuration).
 */
@RegisterRestClient(configKey = JwtSignApi.CONFIG_KEY)
@Path(WireContract.SIGN_PATH)
public interface JwtSignApi {

    /** The {@code configKey} of this client: the {@code wonderful-auth/mp-rest/...} keys apply to it. */
    String CONFIG_KEY = RestClientOptions.AUTH;

    /**
     * {@code POST /api/v1/jwt/sign} (shared/wonderful-api.md §2.1), authenticated with the API key.
     *
     * @param body {@code {"entityId": ..., "expiresIn": ..., "tenantId": ..., "metadata": ...}}
     * @return the answer as received: {@code {"data": {"jwt": ..., "expiresAt": ...}}}
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    JsonObject sign(JsonObject body);
}
