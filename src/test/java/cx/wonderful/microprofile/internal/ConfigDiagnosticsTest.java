package cx.wonderful.microprofile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/** Unknown keys with the closest known one, all problems at once, and the opt-in that fails the deployment. */
class ConfigDiagnosticsTest {

    private static final String KEY = "diagnostics-test-api-key-0123456789";

    @Test
    void theKnownKeysAreTheConstantsOfConfigKeys() {
        assertTrue(ConfigDiagnostics.knownKeys().contains(ConfigKeys.BASE_URL));
        assertTrue(ConfigDiagnostics.knownKeys().contains(ConfigKeys.WS_MAX_RECONNECT_ATTEMPTS));
        assertTrue(ConfigDiagnostics.knownKeys().contains(ConfigKeys.CONFIG_FAIL_ON_ERROR));
        assertTrue(ConfigDiagnostics.knownKeys().stream().allMatch(k -> k.startsWith("wonderful.")));
    }

    @Test
    void aMisspeltKeyNamesTheClosestKnownKey() {
        assertEquals(ConfigKeys.WORKSPACE_ID, ConfigDiagnostics.closestKnownKey("wonderful.workspace_id"));
        assertEquals(ConfigKeys.BASE_URL, ConfigDiagnostics.closestKnownKey("wonderful.baseurl"));
        assertEquals(ConfigKeys.BASE_URL, ConfigDiagnostics.closestKnownKey("wonderful.base-uri"));
        assertEquals(ConfigKeys.WS_PING_INTERVAL, ConfigDiagnostics.closestKnownKey("wonderful.ws-ping-intervall"));
        assertEquals(ConfigKeys.API_KEY, ConfigDiagnostics.closestKnownKey("WONDERFUL_APIKEY"));

        Config config = TestConfigs.of(ConfigKeys.BASE_URL, "https://a.example", "wonderful.workspace_id", "ws-1",
                "wonderful.baseurl", "https://b.example", "wonderful.api_key", KEY, "other.key", "x", "wonderful-chat/mp-rest/url", "https://c");
        List<String> warnings = ConfigDiagnostics.unknownKeyWarnings(config);
        assertEquals(3, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("wonderful.api_key") && warnings.get(0).endsWith(ConfigKeys.API_KEY), warnings.get(0));
        assertTrue(warnings.get(1).contains("wonderful.baseurl") && warnings.get(1).endsWith(ConfigKeys.BASE_URL), warnings.get(1));
        assertTrue(warnings.get(2).contains("wonderful.workspace_id") && warnings.get(2).endsWith(ConfigKeys.WORKSPACE_ID), warnings.get(2));
        assertTrue(warnings.get(0).contains("(from ") && warnings.get(0).contains("test"), "names the config source: " + warnings.get(0));
        warnings.forEach(w -> assertFalse(w.contains(KEY), "never a value: " + w));
    }

    @Test
    void environmentVariablesOfKnownKeysAreNotReported() {
        Config config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                "WONDERFUL_WORKSPACE_ID", "ws-1", "WONDERFUL_BASE_URL", "https://a.example", "wonderful_agent_id", "a",
                "WONDERFUL_WS_PING_INTERVAL", "5s", "WONDERFUL_BASEURL", "https://b.example", "PATH", "/bin"), "env", 300)).build();
        List<String> warnings = ConfigDiagnostics.unknownKeyWarnings(config);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("unknown configuration key WONDERFUL_BASEURL ") && warnings.get(0).endsWith(ConfigKeys.BASE_URL),
                warnings.get(0));
        assertTrue(ConfigDiagnostics.unknownKeyWarnings(TestConfigs.of(ConfigKeys.BASE_URL, "https://a.example",
                ConfigKeys.API_KEY, KEY, ConfigKeys.WS_PONG_TIMEOUT, "5s")).isEmpty());
    }

    @Test
    void everyProblemIsInOneError() {
        WonderfulException error = assertThrows(WonderfulException.class, () -> WonderfulSettings.from(
                TestConfigs.of(ConfigKeys.SIGNED_TOKEN, "a", ConfigKeys.TOKEN, "b", ConfigKeys.MAX_RETRIES, "three",
                        ConfigKeys.REQUEST_TIMEOUT, "0s", ConfigKeys.HEALTH_ENABLED, "maybe", ConfigKeys.CONFIG_FAIL_ON_ERROR, "ture")));
        assertEquals(ErrorCode.CONFIGURATION_ERROR, error.code());
        String message = error.getMessage();
        assertTrue(message.startsWith("6 configuration problems: "), message);
        for (String key : List.of(ConfigKeys.BASE_URL, ConfigKeys.TOKEN, ConfigKeys.MAX_RETRIES, ConfigKeys.REQUEST_TIMEOUT,
                ConfigKeys.HEALTH_ENABLED, ConfigKeys.CONFIG_FAIL_ON_ERROR)) {
            assertTrue(message.contains(key), key + " in " + message);
        }
    }

    @Test
    void theOptInTurnsAConfigurationErrorIntoADeploymentProblem() {
        Optional<DeploymentException> problem = ConfigCheckExtension.deploymentProblem(TestConfigs.of(
                ConfigKeys.CONFIG_FAIL_ON_ERROR, "true", ConfigKeys.API_KEY, KEY, ConfigKeys.MAX_RETRIES, "-1"));
        assertTrue(problem.isPresent());
        String message = problem.get().getMessage();
        assertTrue(message.contains(ConfigKeys.BASE_URL) && message.contains(ConfigKeys.MAX_RETRIES), message);
        assertFalse(message.contains(KEY), message);

        assertTrue(ConfigCheckExtension.deploymentProblem(TestConfigs.of(ConfigKeys.API_KEY, KEY)).isEmpty(), "off by default");
        assertTrue(ConfigCheckExtension.deploymentProblem(TestConfigs.of(ConfigKeys.CONFIG_FAIL_ON_ERROR, "true",
                ConfigKeys.BASE_URL, "https://a.example")).isEmpty(), "a good configuration deploys");
    }
}
