package cx.wonderful.example;

import cx.wonderful.microprofile.auth.SignRequest;
import cx.wonderful.microprofile.auth.TokenRefresher;
import cx.wonderful.microprofile.auth.WonderfulAuth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.util.UUID;

// tag::refresher[]
/**
 * The SDK's {@code refreshToken(entityId)} callback. Without such a bean the library signs a new JWT for the same
 * end user itself; this one does the same on purpose, as the place to call your own backend instead. Not active
 * in the example: enable it with {@code <alternatives><class>...BackendTokenRefresher</class></alternatives>}.
 */
@Alternative @ApplicationScoped
public class BackendTokenRefresher implements TokenRefresher {
    @Inject WonderfulAuth auth;

    @Override
    public String refresh(String entityId) {
        return auth.sign(SignRequest.builder().id(UUID.fromString(entityId)).build()).jwt();
    }
}
// end::refresher[]
