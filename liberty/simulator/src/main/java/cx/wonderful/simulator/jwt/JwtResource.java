package cx.wonderful.simulator.jwt;

import cx.wonderful.simulator.ApiError;
import cx.wonderful.simulator.Jsons;
import cx.wonderful.simulator.StrictContract;
import cx.wonderful.simulator.auth.Caller;
import cx.wonderful.simulator.auth.Callers;
import cx.wonderful.simulator.auth.CredentialKind;
import cx.wonderful.simulator.auth.TokenRevocations;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;

/** {@code POST /api/v1/jwt/sign} (API key only) and the public key at {@code GET /.well-known/jwks.json}. */
@Path("/")
@RequestScoped
public class JwtResource {

    @Inject
    JwtService jwts;
    @Inject
    TokenRevocations revocations;
    @Inject
    Clock clock;
    @Context
    HttpServletRequest request;

    @POST
    @Path("api/v1/jwt/sign")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response sign(String body) {
        Caller caller = Callers.of(request);
        if (caller.kind() != CredentialKind.API_KEY) {
            throw ApiError.unauthorized("signing a JWT needs an API key (x-api-key)");
        }
        SignRequest signRequest = SignRequest.parse(Jsons.object(body));
        if (signRequest.tenantId() != null && !signRequest.tenantId().equals(caller.tenantId())) {
            throw new ApiError(403, "FORBIDDEN", "this API key cannot sign for another tenant");
        }
        IssuedJwt issued = jwts.issue(signRequest, caller.tenantId(), clock.instant());
        revocations.issued(issued.jti(), issued.entityId());
        if (StrictContract.on()) {
            return Jsons.ok(Jsons.data(Json.createObjectBuilder().add("jwt", issued.jwt()).build()));
        }
        return Jsons.ok(Jsons.data(Json.createObjectBuilder().add("jwt", issued.jwt())
                .add("expiresAt", issued.expiresAt()).add("id", issued.entityId()).build()));
    }

    @GET
    @Path(".well-known/jwks.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response jwks() {
        return Response.ok(jwts.jwks(), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
