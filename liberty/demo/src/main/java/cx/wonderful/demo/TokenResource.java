package cx.wonderful.demo;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.auth.SignRequest;
import cx.wonderful.microprofile.auth.WonderfulAuth;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The seed's token backend: the signed-in user (Liberty's own security, see web.xml) gets a Wonderful JWT for its
 * stable end-user id, and a fresh one for the same id when the old one expires.
 */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    @Inject
    WonderfulAuth auth;

    @Context
    SecurityContext security;

    /** {@code POST /api/sdk-token} -> {@code {token, expiresAt, id}} for the signed-in user. */
    @POST
    @Path("sdk-token")
    public SdkToken sdkToken() {
        return SdkToken.of(auth.sign(SignRequest.forUser(EndUser.signedIn(security).entityId())));
    }

    /**
     * {@code POST /api/refresh-sdk-token {entityId}} -> a fresh token for the same end user (the seed's
     * {@code refreshToken(entityId)}); only the signed-in user's own entityId is accepted (403 otherwise).
     */
    @POST
    @Path("refresh-sdk-token")
    @Consumes(MediaType.APPLICATION_JSON)
    public SdkToken refreshSdkToken(RefreshRequest request) {
        EndUser user = EndUser.signedIn(security);
        if (request == null || request.entityId() == null || request.entityId().isBlank()) {
            throw new WonderfulException(ErrorCode.VALIDATION_ERROR, "entityId is required");
        }
        // Validates the text form (VALIDATION_ERROR for a non-UUID) before comparing it.
        SignRequest sign = SignRequest.builder().id(request.entityId()).build();
        if (!user.entityId().equals(sign.id().orElseThrow())) {
            throw new WonderfulException(ErrorCode.FORBIDDEN, "entityId is not the signed-in user's end-user id");
        }
        return SdkToken.of(auth.sign(sign));
    }
}
