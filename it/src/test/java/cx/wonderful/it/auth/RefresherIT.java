package cx.wonderful.it.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.it.support.Deployments;
import cx.wonderful.it.support.Simulator;
import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.auth.SignRequest;
import cx.wonderful.microprofile.auth.WonderfulAuth;
import cx.wonderful.microprofile.communications.ListCommunications;
import cx.wonderful.microprofile.communications.WonderfulCommunications;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Inside Liberty, with the application's own TokenRefresher bean: the library uses it, and re-sends only once. */
@ExtendWith(ArquillianExtension.class)
class RefresherIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("auth-refresher", RefresherIT.class, RevokedTokenRefresher.class);
    }

    @Inject
    WonderfulAuth auth;
    @Inject
    WonderfulCommunications communications;

    @BeforeEach
    void start() {
        Simulator.reset();
        RevokedTokenRefresher.CALLS.set(0);
    }

    @Test
    void aRefresherReturningARevokedTokenEndsInUnauthorizedAfterExactlyOneRetry() throws Exception {
        UUID user = UUID.randomUUID();
        String first = auth.sign(SignRequest.forUser(user)).jwt();
        String second = auth.sign(SignRequest.forUser(user)).jwt();
        Simulator.revoke(first);
        Simulator.revoke(second);
        RevokedTokenRefresher.next = second;
        auth.setToken(first);
        Simulator.clearJournal();
        WonderfulException error = assertThrows(WonderfulException.class,
                () -> communications.list(ListCommunications.all()));

        assertEquals(ErrorCode.UNAUTHORIZED, error.code());
        assertEquals(401, error.httpStatus().orElse(0));
        assertFalse(error.getMessage().contains(first) || error.getMessage().contains(second));
        assertEquals(1, RevokedTokenRefresher.CALLS.get(), "one refresh");
        List<JsonObject> probes = Simulator.journal("/api/v1/communications");
        assertEquals(List.of(401, 401), probes.stream().map(e -> e.getInt("status")).toList(), "one retry, no loop");
        assertTrue(Simulator.journal("/api/v1/jwt/sign").isEmpty(), "the application's refresher replaces signing");
    }

    @Test
    void aRefresherReturningGarbageIsTokenRefreshFailedWithoutAResend() throws Exception {
        String first = auth.sign(SignRequest.forUser(UUID.randomUUID())).jwt();
        Simulator.revoke(first);
        RevokedTokenRefresher.next = "not-a-jwt";
        auth.setToken(first);
        Simulator.clearJournal();
        WonderfulException error = assertThrows(WonderfulException.class,
                () -> communications.list(ListCommunications.all()));

        assertEquals(ErrorCode.TOKEN_REFRESH_FAILED, error.code());
        assertEquals(1, Simulator.journal("/api/v1/communications").size());
    }
}
