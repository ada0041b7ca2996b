package cx.wonderful.microprofile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The configuration checks that make a bad setup a clear CONFIGURATION_ERROR, and the masking of secrets. */
class WonderfulSettingsTest {

    private static final String KEY = "settings-test-api-key-0123456789";
    private static final String TOKEN = "settings-test-token-abcdefghijkl";

    private static WonderfulException refused(String... config) {
        WonderfulException error = assertThrows(WonderfulException.class, () -> WonderfulSettings.from(TestConfigs.of(config)));
        assertEquals(ErrorCode.CONFIGURATION_ERROR, error.code());
        assertFalse(error.getMessage().contains(KEY) || error.getMessage().contains(TOKEN), error.getMessage());
        return error;
    }

    @Test
    void theBaseUrlIsRequiredAndMustBeAnHttpUrl() {
        assertTrue(refused(ConfigKeys.API_KEY, KEY).getMessage().contains(ConfigKeys.BASE_URL));
        refused(ConfigKeys.BASE_URL, "   ", ConfigKeys.API_KEY, KEY);
        refused(ConfigKeys.BASE_URL, "acme.api.wonderful.ai", ConfigKeys.API_KEY, KEY);
        refused(ConfigKeys.BASE_URL, "ftp://acme.api.wonderful.ai", ConfigKeys.API_KEY, KEY);
        refused(ConfigKeys.BASE_URL, "https://", ConfigKeys.API_KEY, KEY);
        refused(ConfigKeys.BASE_URL, "https://acme api", ConfigKeys.API_KEY, KEY);
        refused(ConfigKeys.BASE_URL, "https://acme.api.wonderful.ai?x=1", ConfigKeys.API_KEY, KEY);
        assertEquals("https://acme.api.wonderful.ai", WonderfulSettings.from(TestConfigs.of(
                ConfigKeys.BASE_URL, "https://acme.api.wonderful.ai/", ConfigKeys.API_KEY, KEY)).baseUrl().toString());
    }

    @Test
    void aTokenNeverGoesOverPlainHttpToAnotherMachine() {
        refused(ConfigKeys.BASE_URL, "http://acme.api.wonderful.ai", ConfigKeys.SIGNED_TOKEN, TOKEN);
        refused(ConfigKeys.BASE_URL, "http://10.0.0.8:8080", ConfigKeys.TOKEN, TOKEN);
        for (String local : new String[] {"http://localhost:9080", "http://127.0.0.1:9080", "http://[::1]:9080"}) {
            assertEquals(CredentialKind.SIGNED_TOKEN, WonderfulSettings.from(TestConfigs.of(ConfigKeys.BASE_URL, local,
                    ConfigKeys.SIGNED_TOKEN, TOKEN)).configuredCredential().orElseThrow().kind(), local);
        }
        assertEquals(CredentialKind.TOKEN, WonderfulSettings.from(TestConfigs.of(ConfigKeys.BASE_URL, "https://acme.api.wonderful.ai",
                ConfigKeys.TOKEN, TOKEN)).configuredCredential().orElseThrow().kind());
        assertEquals(CredentialKind.API_KEY, WonderfulSettings.from(TestConfigs.of(ConfigKeys.BASE_URL, "http://acme.api.wonderful.ai",
                ConfigKeys.API_KEY, KEY)).configuredCredential().orElseThrow().kind(), "an API key is the caller's choice");
    }

    @Test
    void atMostOneTokenAndATokenWinsOverTheApiKeyForCalls() {
        refused(ConfigKeys.BASE_URL, "https://a.example", ConfigKeys.SIGNED_TOKEN, TOKEN, ConfigKeys.TOKEN, TOKEN);
        WonderfulSettings both = WonderfulSettings.from(TestConfigs.of(ConfigKeys.BASE_URL, "https://a.example",
                ConfigKeys.SIGNED_TOKEN, TOKEN, ConfigKeys.API_KEY, KEY));
        assertEquals(CredentialKind.SIGNED_TOKEN, both.configuredCredential().orElseThrow().kind());
        assertEquals(KEY, both.apiKey().orElseThrow());
        assertTrue(WonderfulSettings.from(TestConfigs.of(ConfigKeys.BASE_URL, "https://a.example")).configuredCredential().isEmpty());
    }

    @Test
    void defaultsAndDurations() {
        WonderfulSettings defaults = WonderfulSettings.from(TestConfigs.of(ConfigKeys.BASE_URL, "https://a.example"));
        assertEquals(Duration.ofSeconds(30), defaults.requestTimeout());
        assertEquals(3, defaults.maxRetries());
        assertEquals(Duration.ofSeconds(1), defaults.retryDelay());
        assertEquals(Duration.ofSeconds(30), defaults.refreshSkew());
        assertEquals(Duration.ofSeconds(5), defaults.refreshCooldown());

        WonderfulSettings set = WonderfulSettings.from(TestConfigs.of(ConfigKeys.BASE_URL, "https://a.example",
                ConfigKeys.REQUEST_TIMEOUT, "PT10S", ConfigKeys.MAX_RETRIES, "0", ConfigKeys.RETRY_DELAY, "250ms",
                ConfigKeys.REFRESH_SKEW, "2m", ConfigKeys.REFRESH_COOLDOWN, "1500"));
        assertEquals(Duration.ofSeconds(10), set.requestTimeout());
        assertEquals(0, set.maxRetries());
        assertEquals(Duration.ofMillis(250), set.retryDelay());
        assertEquals(Duration.ofMinutes(2), set.refreshSkew());
        assertEquals(Duration.ofMillis(1500), set.refreshCooldown());

        refused(ConfigKeys.BASE_URL, "https://a.example", ConfigKeys.MAX_RETRIES, "-1");
        refused(ConfigKeys.BASE_URL, "https://a.example", ConfigKeys.MAX_RETRIES, "three");
        refused(ConfigKeys.BASE_URL, "https://a.example", ConfigKeys.REQUEST_TIMEOUT, "0s");
        refused(ConfigKeys.BASE_URL, "https://a.example", ConfigKeys.RETRY_DELAY, "soon");
        refused(ConfigKeys.BASE_URL, "https://a.example", ConfigKeys.REFRESH_SKEW, "-PT1S");
    }

    @Test
    void secretsAreMaskedEverywhereTheSettingsAreShown() {
        WonderfulSettings settings = WonderfulSettings.from(TestConfigs.of(ConfigKeys.BASE_URL, "https://a.example",
                ConfigKeys.SIGNED_TOKEN, TOKEN, ConfigKeys.API_KEY, KEY));
        Credential credential = settings.configuredCredential().orElseThrow();
        for (String shown : new String[] {settings.toString(), credential.toString(), credential.masked()}) {
            assertFalse(shown.contains(KEY.substring(0, KEY.length() - 4)), shown);
            assertFalse(shown.contains(TOKEN.substring(0, TOKEN.length() - 4)), shown);
        }
        assertEquals("****", Credential.mask("short-secret"));
        assertEquals("****6789", Credential.mask(KEY));
        assertEquals("", Credential.mask(null));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"https://bob:hunter2-secret@acme.api.wonderful.ai",
        "https://bob@acme.api.wonderful.ai", "HTTPS://bob:hunter2-secret@acme.api.wonderful.ai/x", "https://:hunter2-secret@a.example"})
    void userInformationInTheBaseUrlIsRefusedWithoutShowingIt(String url) {
        WonderfulException error = refused(ConfigKeys.BASE_URL, url, ConfigKeys.API_KEY, KEY);
        assertTrue(error.getMessage().contains(ConfigKeys.BASE_URL), error.getMessage());
        assertFalse(error.getMessage().contains("hunter2") || error.getMessage().contains("bob"), error.getMessage());
    }

    @Test
    void anUpperCaseSchemeIsTheSameSchemeForTheGuardAndTheSocket() {
        // Before: HTTP:// passed the plain-http guard with a token, and the socket URL kept "HTTP".
        refused(ConfigKeys.BASE_URL, "HTTP://acme.api.wonderful.ai", ConfigKeys.SIGNED_TOKEN, TOKEN);
        refused(ConfigKeys.BASE_URL, "Http://acme.api.wonderful.ai", ConfigKeys.TOKEN, TOKEN);
        WonderfulSettings upper = WonderfulSettings.from(TestConfigs.of(ConfigKeys.BASE_URL, "HTTPS://Acme.api.wonderful.ai",
                ConfigKeys.TOKEN, TOKEN));
        assertEquals("https://Acme.api.wonderful.ai", upper.baseUrl().toString());
        assertEquals("wss://Acme.api.wonderful.ai", upper.webSocketBaseUrl().toString());
        assertEquals("ws://localhost:9080", WonderfulSettings.from(TestConfigs.of(ConfigKeys.BASE_URL, "HTTP://localhost:9080",
                ConfigKeys.TOKEN, TOKEN)).webSocketBaseUrl().toString());
        assertThrows(WonderfulException.class, () -> WonderfulSettings.requireSafeForBearer(java.net.URI.create("HTTP://10.1.2.3/x")));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"\r\nX-Injected: 1", "\n", "\u0000", "\u0007", " inner space"})
    void controlCharactersInSecretsAndTheTenantAreRefusedAtStartup(String bad) {
        for (String key : new String[] {ConfigKeys.API_KEY, ConfigKeys.TOKEN, ConfigKeys.SIGNED_TOKEN}) {
            WonderfulException error = refused(ConfigKeys.BASE_URL, "https://a.example", key, KEY + bad);
            assertTrue(error.getMessage().contains(key), error.getMessage());
        }
        if (!bad.startsWith(" ")) {
            WonderfulException tenant = refused(ConfigKeys.BASE_URL, "https://a.example", ConfigKeys.API_KEY, KEY,
                    ConfigKeys.TENANT_ID, "acme" + bad);
            assertTrue(tenant.getMessage().contains(ConfigKeys.TENANT_ID), tenant.getMessage());
        }
    }

    @Test
    void workspaceAndAgentIdsFollowThePathIdRule() {
        refused(ConfigKeys.BASE_URL, "https://a.example", ConfigKeys.API_KEY, KEY, ConfigKeys.WORKSPACE_ID, "../admin");
        refused(ConfigKeys.BASE_URL, "https://a.example", ConfigKeys.API_KEY, KEY, ConfigKeys.AGENT_ID, "..");
        refused(ConfigKeys.BASE_URL, "https://a.example", ConfigKeys.API_KEY, KEY, ConfigKeys.AGENT_ID, "a/b");
        assertEquals("ws-acme", WonderfulSettings.from(TestConfigs.of(ConfigKeys.BASE_URL, "https://a.example",
                ConfigKeys.WORKSPACE_ID, "ws-acme")).workspaceId().orElseThrow());
    }

    @Test
    void theSecretsListHoldsTheKeyAndTheToken() {
        WonderfulSettings both = WonderfulSettings.from(TestConfigs.of(ConfigKeys.BASE_URL, "https://a.example",
                ConfigKeys.SIGNED_TOKEN, TOKEN, ConfigKeys.API_KEY, KEY));
        assertEquals(java.util.List.of(KEY, TOKEN), both.secrets());
        assertFalse(both.toString().contains(KEY) || both.toString().contains(TOKEN));
    }
}
