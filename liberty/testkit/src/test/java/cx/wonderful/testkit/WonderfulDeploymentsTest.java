package cx.wonderful.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The archive holds the test kit (from wherever it was loaded) and says clearly when the library is missing. */
class WonderfulDeploymentsTest {

    @Test
    void theTestKitItselfGoesIntoTheArchive() {
        assertTrue(WonderfulDeployments.testKitJar().contains("cx/wonderful/testkit/WonderfulSimulator.class"));
    }

    @Test
    void withoutTheLibraryOnTheClassPathTheErrorSaysSo() {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> WonderfulDeployments.war("x"));
        assertTrue(error.getMessage().contains("cx.wonderful:wonderful-microprofile"), error.getMessage());
    }

    @Test
    void theConfigBecomesAPropertiesFile() {
        String properties = WonderfulDeployments.properties(WonderfulSimulator.at(URI.create("http://localhost:9")).libraryConfig());
        assertEquals("wonderful.base-url=http://localhost:9\nwonderful.api-key=sim-key-acme\nwonderful.tenant-id=acme\n"
                + "wonderful.workspace-id=ws-acme\nwonderful.agent-id=agent-support\n", properties);
    }
}
