package cx.wonderful.it.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.it.support.Deployments;
import cx.wonderful.it.support.Simulator;
import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.auth.Identity;
import cx.wonderful.microprofile.communications.ListCommunications;
import cx.wonderful.microprofile.communications.WonderfulCommunications;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside Liberty, with an application {@code TokenRefresher} that hangs, or that calls back into the library for the
 * token it is renewing: acting as an end user fails with {@code TOKEN_REFRESH_FAILED} after
 * {@code wonderful.refresh-timeout} (1 s here) instead of hanging, and nothing reaches the server.
 */
@ExtendWith(ArquillianExtension.class)
class HangingRefresherIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("auth-hanging-refresher", "wonderful.refresh-timeout=1s\n", HangingRefresherIT.class,
                HangingRefresher.class);
    }

    @Inject
    WonderfulCommunications communications;

    private void failsTypedWithinTheTimeout() {
        Simulator.reset();
        long started = System.nanoTime();
        WonderfulException error = assertThrows(WonderfulException.class, () -> communications
                .as(Identity.endUser(UUID.randomUUID())).list(ListCommunications.builder().build()));
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        assertEquals(ErrorCode.TOKEN_REFRESH_FAILED, error.code(), error.getMessage());
        assertTrue(seconds < 30, "bounded by the refresh timeout, took " + seconds + " s");
        assertTrue(Simulator.journal("/api/v1/communications").isEmpty(), "nothing sent without the user's token");
    }

    @Test
    void aHangingRefresherFailsItsCallerWithATypedError() {
        HangingRefresher.reenter = false;
        failsTypedWithinTheTimeout();
    }

    @Test
    void aRefresherCallingBackIntoTheLibraryFailsTypedInsteadOfDeadlocking() {
        HangingRefresher.reenter = true;
        failsTypedWithinTheTimeout();
    }
}
