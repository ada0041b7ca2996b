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
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Inside Liberty, in a WAR whose own configuration blanks out the server's API key: signing is INVALID_REQUEST. */
@ExtendWith(ArquillianExtension.class)
class NoApiKeyIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("auth-no-key", "wonderful.api-key=\nwonderful.token=sim-token-acme-alice\n",
                NoApiKeyIT.class);
    }

    @Inject
    WonderfulAuth auth;

    @Test
    void signingWithoutAnApiKeyIsInvalidRequestAndSendsNothing() {
        Simulator.reset();

        WonderfulException error = assertThrows(WonderfulException.class, () -> auth.sign(SignRequest.forNewUser()));

        assertEquals(ErrorCode.INVALID_REQUEST, error.code());
        assertTrue(error.getMessage().contains("wonderful.api-key"), error.getMessage());
        assertTrue(Simulator.journal("/api/v1/jwt/sign").isEmpty());
        assertFalse(auth.config().apiKeyConfigured());
        assertFalse(auth.config().toString().contains("sim-token-acme-alice"));
    }
}
