package cx.wonderful.example;

import static java.nio.charset.StandardCharsets.UTF_8;

import cx.wonderful.microprofile.auth.SignRequest;
import cx.wonderful.microprofile.auth.SignResponse;
import cx.wonderful.microprofile.auth.WonderfulAuth;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.UUID;

// tag::resource[]
@Path("/sdk-token") @RequestScoped
public class SdkTokenResource {
    @Inject WonderfulAuth auth;
    @Context SecurityContext security;   // the caller is signed in: web.xml constrains /api/* (appSecurity-5.0)

    @POST @Produces(MediaType.APPLICATION_JSON)
    public JsonObject token() {
        UUID endUser = UUID.nameUUIDFromBytes(security.getUserPrincipal().getName().getBytes(UTF_8));
        SignResponse signed = auth.sign(SignRequest.builder().id(endUser).expiresInSeconds(3600).build());
        return Json.createObjectBuilder().add("token", signed.jwt())
                .add("expiresAt", signed.expiresAtEpochSecond()).add("id", signed.id().toString()).build();
    }
}
// end::resource[]
