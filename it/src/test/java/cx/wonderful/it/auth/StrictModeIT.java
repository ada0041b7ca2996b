package cx.wonderful.it.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.it.support.Deployments;
import cx.wonderful.it.support.Simulator;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the strict contract run (it/pom.xml, execution strict-contract) the simulator really is strict: without this,
 * the second run could pass against the ordinary mode and prove nothing. Skipped in the ordinary run.
 */
@ExtendWith(ArquillianExtension.class)
class StrictModeIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("strict-mode");
    }

    @Test
    void theSimulatorOfTheStrictRunTakesTheStrictVariants() {
        Assumptions.assumeTrue(!Simulator.context().isEmpty(), "only in the strict contract run");
        HttpResponse<String> signed = Simulator.send(HttpRequest.newBuilder(Simulator.uri("/api/v1/jwt/sign"))
                .header("x-api-key", Simulator.API_KEY).POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(200, signed.statusCode(), signed.body());
        JsonObject data = Simulator.parse(signed.body()).orElseThrow().asJsonObject().getJsonObject("data");
        assertEquals(Set.of("jwt", "x_strict_unknown"), data.keySet(), "jwt only, and a field outside the contract");

        HttpResponse<String> refused = Simulator.send(HttpRequest.newBuilder(Simulator.uri("/api/v1/jwt/sign"))
                .header("X-API-KEY", "wrong-key").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(401, refused.statusCode());
        JsonObject error = Simulator.parse(refused.body()).orElseThrow().asJsonObject();
        assertFalse(error.containsKey("error"), "no error code: " + refused.body());
        assertTrue(error.containsKey("detail"), refused.body());
    }
}
