package cx.wonderful.it.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.it.support.Deployments;
import cx.wonderful.it.support.Simulator;
import cx.wonderful.microprofile.internal.WonderfulSettings;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import org.eclipse.microprofile.config.Config;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The harness itself: a test WAR with the library runs inside Liberty, sees the server's settings, and reaches the simulator. */
@ExtendWith(ArquillianExtension.class)
class HarnessIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("harness", HarnessIT.class);
    }

    @Inject
    Config config;

    @Test
    void libraryReadsTheServerSettingsInsideLiberty() {
        WonderfulSettings settings = WonderfulSettings.from(config);
        assertEquals(Simulator.baseUrl(), settings.baseUrl());
        assertEquals("ws-acme", settings.workspaceId().orElseThrow());
        assertTrue(settings.configuredCredential().isPresent(), "the server configures an API key for test WARs");
    }

    @Test
    void simulatorIsDeployedBesideTheTestWar() {
        int status = Simulator.send(HttpRequest.newBuilder(Simulator.uri("/.well-known/jwks.json")).GET().build()).statusCode();
        assertEquals(200, status, "the simulator publishes its JWKS");
    }
}
