package cx.wonderful.it.config;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cx.wonderful.it.support.Deployments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The configuration check at startup, in Liberty's log: every problem in one SEVERE message, a warning per
 * misspelt {@code wonderful.*} key naming the key meant, and with {@code wonderful.config.fail-on-error=true} a
 * deployment that fails. Liberty-only: it reads Liberty's messages.log.
 */
@ExtendWith(ArquillianExtension.class)
@Tag("liberty-only")
@RunAsClient
class ConfigDiagnosticsIT {

    @Deployment(name = "misspelt", testable = false)
    static WebArchive misspelt() {
        return Deployments.war("config-misspelt", "wonderful.workspace_id=ws-acme\nwonderful.baseurl=http://localhost:1\n"
                + "wonderful.max-retries=-1\nwonderful.request-timeout=0s\n");
    }

    @Deployment(name = "failing", managed = false, testable = false)
    static WebArchive failing() {
        return Deployments.war("config-failing", "wonderful.config.fail-on-error=true\nwonderful.base-url=not a url\n"
                + "wonderful.ws.pong-timeout=soon\n");
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void allProblemsInOneMessageAndEveryMisspeltKeyWithTheKeyMeant() throws IOException, InterruptedException {
        awaitLogLine("WMP0102W: unknown configuration key wonderful.workspace_id (from ",
                "is ignored; the closest key of the library is wonderful.workspace-id");
        awaitLogLine("WMP0102W: unknown configuration key wonderful.baseurl (from ", "the closest key of the library is wonderful.base-url");
        String severe = awaitLogLine("every call will fail with CONFIGURATION_ERROR: 2 configuration problems: ");
        assertTrue(severe.contains("wonderful.max-retries") && severe.contains("wonderful.request-timeout"), severe);
    }

    @Test
    void withTheOptInABadConfigurationFailsTheDeployment() throws IOException, InterruptedException {
        try {
            assertThrows(Exception.class, () -> deployer.deploy("failing"));
            String problem = awaitLogLine("WMP0101E: Wonderful MicroProfile is not configured correctly (wonderful.config.fail-on-error=true): "
                    + "2 configuration problems: ");
            assertTrue(problem.contains("wonderful.base-url") && problem.contains("wonderful.ws.pong-timeout"), problem);
        } finally {
            try {
                deployer.undeploy("failing");
            } catch (RuntimeException alreadyGone) {
                // the failed application may not be installed at all
            }
        }
    }

    /** The first line of the server's messages.log that holds every one of {@code parts}, waiting up to 60 s. */
    private static String awaitLogLine(String... parts) throws IOException, InterruptedException {
        Path log = Path.of(System.getProperty("it.wlp.dir"), "usr", "servers", System.getProperty("it.server.name"), "logs", "messages.log");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (Files.isRegularFile(log)) {
                List<String> matching = Files.readAllLines(log, StandardCharsets.ISO_8859_1).stream()
                        .filter(line -> List.of(parts).stream().allMatch(line::contains)).collect(Collectors.toList());
                if (!matching.isEmpty()) {
                    return matching.get(0);
                }
            }
            Thread.sleep(200);
        }
        return fail("no line with " + List.of(parts) + " in " + log);
    }
}
