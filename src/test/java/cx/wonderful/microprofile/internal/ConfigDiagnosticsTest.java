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
    void theKnownKeysAreTheKeysOfTheSettingTable() {
        assertEquals(java.util.Arrays.stream(Setting.values()).map(Setting::key).collect(java.util.stream.Collectors.toSet()),
                ConfigDiagnostics.knownKeys());
        assertTrue(ConfigDiagnostics.knownKeys().contains(Setting.BASE_URL.key()));
        assertTrue(ConfigDiagnostics.knownKeys().contains(Setting.WS_MAX_RECONNECT_ATTEMPTS.key()));
        assertTrue(ConfigDiagnostics.knownKeys().contains(Setting.CONFIG_FAIL_ON_ERROR.key()));
        assertTrue(ConfigDiagnostics.knownKeys().stream().allMatch(k -> k.startsWith("wonderful.")));
    }

    @Test
    void aMisspeltKeyNamesTheClosestKnownKey() {
        assertEquals(Setting.WORKSPACE_ID.key(), ConfigDiagnostics.closestKnownKey("wonderful.workspace_id"));
        assertEquals(Setting.BASE_URL.key(), ConfigDiagnostics.closestKnownKey("wonderful.baseurl"));
        assertEquals(Setting.BASE_URL.key(), ConfigDiagnostics.closestKnownKey("wonderful.base-uri"));
        assertEquals(Setting.WS_PING_INTERVAL.key(), ConfigDiagnostics.closestKnownKey("wonderful.ws-ping-intervall"));
        assertEquals(Setting.API_KEY.key(), ConfigDiagnostics.closestKnownKey("WONDERFUL_APIKEY"));

        Config config = TestConfigs.of(Setting.BASE_URL.key(), "https://a.example", "wonderful.workspace_id", "ws-1",
                "wonderful.baseurl", "https://b.example", "wonderful.api_key", KEY, "other.key", "x", "wonderful-chat/mp-rest/url", "https://c");
        List<String> warnings = ConfigDiagnostics.unknownKeyWarnings(config);
        assertEquals(3, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("wonderful.api_key") && warnings.get(0).endsWith(Setting.API_KEY.key()), warnings.get(0));
        assertTrue(warnings.get(1).contains("wonderful.baseurl") && warnings.get(1).endsWith(Setting.BASE_URL.key()), warnings.get(1));
        assertTrue(warnings.get(2).contains("wonderful.workspace_id") && warnings.get(2).endsWith(Setting.WORKSPACE_ID.key()), warnings.get(2));
        assertTrue(warnings.get(0).contains("(from ") && warnings.get(0).contains("test"), "names the config source: " + warnings.get(0));
        warnings.forEach(w -> assertFalse(w.contains(KEY), "never a value: " + w));
    }

    @Test
    void theKeysOfANamedClientAreKnownButTheirMisspellingsAreNot() {
        assertTrue(ConfigDiagnostics.unknown("wonderful.tenant-b.base-url").isEmpty());
        assertTrue(ConfigDiagnostics.unknown("wonderful.tenant-b.ws.ping-interval").isEmpty());
        assertTrue(ConfigDiagnostics.unknown("wonderful.tenant-b.baseurl").isPresent());
        assertTrue(ConfigDiagnostics.unknown("wonderful.Tenant_B.base-url").isPresent());
        assertTrue(ConfigDiagnostics.unknown("wonderful.ws.base-url").isPresent(), "ws is not a client name");
    }

    @Test
    void environmentVariablesOfKnownKeysAreNotReported() {
        Config config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                "WONDERFUL_WORKSPACE_ID", "ws-1", "WONDERFUL_BASE_URL", "https://a.example", "wonderful_agent_id", "a",
                "WONDERFUL_WS_PING_INTERVAL", "5s", "WONDERFUL_BASEURL", "https://b.example", "PATH", "/bin"), "env", 300)).build();
        List<String> warnings = ConfigDiagnostics.unknownKeyWarnings(config);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("unknown configuration key WONDERFUL_BASEURL ") && warnings.get(0).endsWith(Setting.BASE_URL.key()),
                warnings.get(0));
        assertTrue(ConfigDiagnostics.unknownKeyWarnings(TestConfigs.of(Setting.BASE_URL.key(), "https://a.example",
                Setting.API_KEY.key(), KEY, Setting.WS_PONG_TIMEOUT.key(), "5s")).isEmpty());
    }

    @Test
    void everyProblemIsInOneError() {
        WonderfulException error = assertThrows(WonderfulException.class, () -> WonderfulSettings.from(
                TestConfigs.of(Setting.SIGNED_TOKEN.key(), "a", Setting.TOKEN.key(), "b", Setting.MAX_RETRIES.key(), "three",
                        Setting.REQUEST_TIMEOUT.key(), "0s", Setting.HEALTH_ENABLED.key(), "maybe", Setting.CONFIG_FAIL_ON_ERROR.key(), "ture")));
        assertEquals(ErrorCode.CONFIGURATION_ERROR, error.code());
        String message = error.getMessage();
        assertTrue(message.startsWith("6 configuration problems: "), message);
        for (String key : List.of(Setting.BASE_URL.key(), Setting.TOKEN.key(), Setting.MAX_RETRIES.key(), Setting.REQUEST_TIMEOUT.key(),
                Setting.HEALTH_ENABLED.key(), Setting.CONFIG_FAIL_ON_ERROR.key())) {
            assertTrue(message.contains(key), key + " in " + message);
        }
    }

    @Test
    void theOptInTurnsAConfigurationErrorIntoADeploymentProblem() {
        Optional<DeploymentException> problem = ConfigCheckExtension.deploymentProblem(TestConfigs.of(
                Setting.CONFIG_FAIL_ON_ERROR.key(), "true", Setting.API_KEY.key(), KEY, Setting.MAX_RETRIES.key(), "-1"));
        assertTrue(problem.isPresent());
        String message = problem.get().getMessage();
        assertTrue(message.contains(Setting.BASE_URL.key()) && message.contains(Setting.MAX_RETRIES.key()), message);
        assertFalse(message.contains(KEY), message);

        assertTrue(ConfigCheckExtension.deploymentProblem(TestConfigs.of(Setting.API_KEY.key(), KEY)).isEmpty(), "off by default");
        assertTrue(ConfigCheckExtension.deploymentProblem(TestConfigs.of(Setting.CONFIG_FAIL_ON_ERROR.key(), "true",
                Setting.BASE_URL.key(), "https://a.example")).isEmpty(), "a good configuration deploys");
    }

    @Test
    void aMisspeltMpRestKeyOfALibraryClientNamesTheStandardKeyItMeant() {
        List<String> warnings = ConfigDiagnostics.unknownKeyWarnings(TestConfigs.of(Setting.BASE_URL.key(), "https://a.example",
                "wonderful-chat/mp-rest/readTimout", "500", "wonderful-auth/mp-rest/trustStorePasword", KEY,
                "wonderful-chat/mp-rest/readTimeout", "500", "wonderful-chat/mp-rest/providers/a.B/priority", "1",
                "my-client/mp-rest/anything", "x"));
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("wonderful-auth/mp-rest/trustStorePasword")
                && warnings.get(0).endsWith("wonderful-auth/mp-rest/trustStorePassword"), warnings.get(0));
        assertTrue(warnings.get(1).contains("wonderful-chat/mp-rest/readTimout")
                && warnings.get(1).endsWith("wonderful-chat/mp-rest/readTimeout"), warnings.get(1));
        warnings.forEach(w -> assertFalse(w.contains(KEY), "never a value: " + w));
    }

    @Test
    void aRefusedMpRestKeyOfALibraryClientFailsTheDeploymentToo() {
        Optional<DeploymentException> problem = ConfigCheckExtension.deploymentProblem(TestConfigs.of(
                Setting.CONFIG_FAIL_ON_ERROR.key(), "true", Setting.BASE_URL.key(), "https://a.example",
                "wonderful-communications/mp-rest/scope", "jakarta.enterprise.context.RequestScoped"));
        assertTrue(problem.isPresent());
        assertTrue(problem.get().getMessage().startsWith("WMP0101E: ")
                && problem.get().getMessage().contains("wonderful-communications/mp-rest/scope is not supported"), problem.get().getMessage());
    }
}
