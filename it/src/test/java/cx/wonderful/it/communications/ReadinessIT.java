package cx.wonderful.it.communications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cx.wonderful.it.support.Deployments;
import cx.wonderful.it.support.Simulator;
import cx.wonderful.microprofile.internal.health.WonderfulReadinessCheck;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The readiness check switched on in an application, read through the runtime's own {@code /health/ready}: green while
 * the simulator accepts the API key, red with the status while it refuses it, and never showing the key.
 */
@ExtendWith(ArquillianExtension.class)
class ReadinessIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("readiness", "wonderful.health.enabled=true\n");
    }

    @BeforeEach
    @AfterEach
    void reset() {
        Simulator.reset();
    }

    /** Our check among the server's readiness checks: the one that is switched on (other WARs' are off). */
    private static JsonObject ourCheck(HttpResponse<String> response) {
        assertFalse(response.body().contains(Simulator.API_KEY), "the health report never shows the key: " + response.body());
        List<JsonObject> ours = Simulator.parse(response.body()).orElseThrow().asJsonObject().getJsonArray("checks")
                .getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals(WonderfulReadinessCheck.NAME))
                .filter(c -> c.getJsonObject("data").getBoolean("enabled"))
                .toList();
        assertEquals(1, ours.size(), response.body());
        return ours.get(0);
    }

    private static HttpResponse<String> ready() {
        // it.health.base: where the runtime serves MicroProfile Health when not beside the applications (WildFly:
        // its management interface).
        URI health = URI.create(System.getProperty("it.health.base", Simulator.baseUrl().toString())).resolve("/health/ready");
        return Simulator.send(HttpRequest.newBuilder(health).header("Accept", "application/json").GET().build());
    }

    @Test
    void greenWhileTheKeyIsAcceptedThenRedWhenItIsRefused() {
        HttpResponse<String> green = ready();
        JsonObject up = ourCheck(green);
        assertEquals("UP", up.getString("status"), green.body());
        assertEquals(200, green.statusCode(), green.body());
        assertEquals("API_KEY", up.getJsonObject("data").getString("credential"));
        List<JsonObject> probes = Simulator.journal("/api/v1/communications");
        assertEquals(1, probes.size(), "one probe request per check: " + probes);
        assertEquals("apikey", probes.get(0).getString("credential_kind"), "the probe is authenticated");

        Simulator.admin("POST", "/__admin/faults", "{\"method\":\"GET\",\"path\":\"/api/v1/communications\",\"times\":5,"
                + "\"status\":401,\"body\":{\"message\":\"invalid API key\",\"error\":\"UNAUTHORIZED\"}}");
        HttpResponse<String> red = ready();
        JsonObject down = ourCheck(red);
        assertEquals("DOWN", down.getString("status"), red.body());
        assertEquals(503, red.statusCode(), red.body());
        assertEquals("credential refused (HTTP 401)", down.getJsonObject("data").getString("reason"));
        assertEquals(401, down.getJsonObject("data").getInt("httpStatus"));

        Simulator.admin("DELETE", "/__admin/faults", null);
        assertEquals("UP", ourCheck(ready()).getString("status"), "green again once the key is accepted");
    }
}
