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
        assertTrue(refused(Setting.API_KEY.key(), KEY).getMessage().contains(Setting.BASE_URL.key()));
        refused(Setting.BASE_URL.key(), "   ", Setting.API_KEY.key(), KEY);
        refused(Setting.BASE_URL.key(), "acme.api.wonderful.ai", Setting.API_KEY.key(), KEY);
        refused(Setting.BASE_URL.key(), "ftp://acme.api.wonderful.ai", Setting.API_KEY.key(), KEY);
        refused(Setting.BASE_URL.key(), "https://", Setting.API_KEY.key(), KEY);
        refused(Setting.BASE_URL.key(), "https://acme api", Setting.API_KEY.key(), KEY);
        refused(Setting.BASE_URL.key(), "https://acme.api.wonderful.ai?x=1", Setting.API_KEY.key(), KEY);
        assertEquals("https://acme.api.wonderful.ai", WonderfulSettings.from(TestConfigs.of(
                Setting.BASE_URL.key(), "https://acme.api.wonderful.ai/", Setting.API_KEY.key(), KEY)).baseUrl().toString());
    }

    @Test
    void aTokenNeverGoesOverPlainHttpToAnotherMachine() {
        refused(Setting.BASE_URL.key(), "http://acme.api.wonderful.ai", Setting.SIGNED_TOKEN.key(), TOKEN);
        refused(Setting.BASE_URL.key(), "http://10.0.0.8:8080", Setting.TOKEN.key(), TOKEN);
        for (String local : new String[] {"http://localhost:9080", "http://127.0.0.1:9080", "http://[::1]:9080"}) {
            assertEquals(CredentialKind.SIGNED_TOKEN, WonderfulSettings.from(TestConfigs.of(Setting.BASE_URL.key(), local,
                    Setting.SIGNED_TOKEN.key(), TOKEN)).configuredCredential().orElseThrow().kind(), local);
        }
        assertEquals(CredentialKind.TOKEN, WonderfulSettings.from(TestConfigs.of(Setting.BASE_URL.key(), "https://acme.api.wonderful.ai",
                Setting.TOKEN.key(), TOKEN)).configuredCredential().orElseThrow().kind());
        assertEquals(CredentialKind.API_KEY, WonderfulSettings.from(TestConfigs.of(Setting.BASE_URL.key(), "http://acme.api.wonderful.ai",
                Setting.API_KEY.key(), KEY)).configuredCredential().orElseThrow().kind(), "an API key is the caller's choice");
    }

    @Test
    void atMostOneTokenAndATokenWinsOverTheApiKeyForCalls() {
        refused(Setting.BASE_URL.key(), "https://a.example", Setting.SIGNED_TOKEN.key(), TOKEN, Setting.TOKEN.key(), TOKEN);
        WonderfulSettings both = WonderfulSettings.from(TestConfigs.of(Setting.BASE_URL.key(), "https://a.example",
                Setting.SIGNED_TOKEN.key(), TOKEN, Setting.API_KEY.key(), KEY));
        assertEquals(CredentialKind.SIGNED_TOKEN, both.configuredCredential().orElseThrow().kind());
        assertEquals(KEY, both.apiKey().orElseThrow());
        assertTrue(WonderfulSettings.from(TestConfigs.of(Setting.BASE_URL.key(), "https://a.example")).configuredCredential().isEmpty());
    }

    @Test
    void defaultsAndDurations() {
        WonderfulSettings defaults = WonderfulSettings.from(TestConfigs.of(Setting.BASE_URL.key(), "https://a.example"));
        assertEquals(Duration.ofSeconds(30), defaults.requestTimeout());
        assertEquals(3, defaults.maxRetries());
        assertEquals(Duration.ofSeconds(1), defaults.retryDelay());
        assertEquals(Duration.ofSeconds(30), defaults.refreshSkew());
        assertEquals(Duration.ofSeconds(5), defaults.refreshCooldown());

        WonderfulSettings set = WonderfulSettings.from(TestConfigs.of(Setting.BASE_URL.key(), "https://a.example",
                Setting.REQUEST_TIMEOUT.key(), "PT10S", Setting.MAX_RETRIES.key(), "0", Setting.RETRY_DELAY.key(), "250ms",
                Setting.REFRESH_SKEW.key(), "2m", Setting.REFRESH_COOLDOWN.key(), "1500"));
        assertEquals(Duration.ofSeconds(10), set.requestTimeout());
        assertEquals(0, set.maxRetries());
        assertEquals(Duration.ofMillis(250), set.retryDelay());
        assertEquals(Duration.ofMinutes(2), set.refreshSkew());
        assertEquals(Duration.ofMillis(1500), set.refreshCooldown());

        refused(Setting.BASE_URL.key(), "https://a.example", Setting.MAX_RETRIES.key(), "-1");
        refused(Setting.BASE_URL.key(), "https://a.example", Setting.MAX_RETRIES.key(), "three");
        refused(Setting.BASE_URL.key(), "https://a.example", Setting.REQUEST_TIMEOUT.key(), "0s");
        refused(Setting.BASE_URL.key(), "https://a.example", Setting.RETRY_DELAY.key(), "soon");
        refused(Setting.BASE_URL.key(), "https://a.example", Setting.REFRESH_SKEW.key(), "-PT1S");
    }

    @Test
    void secretsAreMaskedEverywhereTheSettingsAreShown() {
        WonderfulSettings settings = WonderfulSettings.from(TestConfigs.of(Setting.BASE_URL.key(), "https://a.example",
                Setting.SIGNED_TOKEN.key(), TOKEN, Setting.API_KEY.key(), KEY));
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
        WonderfulException error = refused(Setting.BASE_URL.key(), url, Setting.API_KEY.key(), KEY);
        assertTrue(error.getMessage().contains(Setting.BASE_URL.key()), error.getMessage());
        assertFalse(error.getMessage().contains("hunter2") || error.getMessage().contains("bob"), error.getMessage());
    }

    @Test
    void anUpperCaseSchemeIsTheSameSchemeForTheGuardAndTheSocket() {
        // Before: HTTP:// passed the plain-http guard with a token, and the socket URL kept "HTTP".
        refused(Setting.BASE_URL.key(), "HTTP://acme.api.wonderful.ai", Setting.SIGNED_TOKEN.key(), TOKEN);
        refused(Setting.BASE_URL.key(), "Http://acme.api.wonderful.ai", Setting.TOKEN.key(), TOKEN);
        WonderfulSettings upper = WonderfulSettings.from(TestConfigs.of(Setting.BASE_URL.key(), "HTTPS://Acme.api.wonderful.ai",
                Setting.TOKEN.key(), TOKEN));
        assertEquals("https://Acme.api.wonderful.ai", upper.baseUrl().toString());
        assertEquals("wss://Acme.api.wonderful.ai", upper.webSocketBaseUrl().toString());
        assertEquals("ws://localhost:9080", WonderfulSettings.from(TestConfigs.of(Setting.BASE_URL.key(), "HTTP://localhost:9080",
                Setting.TOKEN.key(), TOKEN)).webSocketBaseUrl().toString());
        assertThrows(WonderfulException.class, () -> WonderfulSettings.requireSafeForBearer(java.net.URI.create("HTTP://10.1.2.3/x")));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"\r\nX-Injected: 1", "\n", "\u0000", "\u0007", " inner space"})
    void controlCharactersInSecretsAndTheTenantAreRefusedAtStartup(String bad) {
        for (String key : new String[] {Setting.API_KEY.key(), Setting.TOKEN.key(), Setting.SIGNED_TOKEN.key()}) {
            WonderfulException error = refused(Setting.BASE_URL.key(), "https://a.example", key, KEY + bad);
            assertTrue(error.getMessage().contains(key), error.getMessage());
        }
        if (!bad.startsWith(" ")) {
            WonderfulException tenant = refused(Setting.BASE_URL.key(), "https://a.example", Setting.API_KEY.key(), KEY,
                    Setting.TENANT_ID.key(), "acme" + bad);
            assertTrue(tenant.getMessage().contains(Setting.TENANT_ID.key()), tenant.getMessage());
        }
    }

    @Test
    void workspaceAndAgentIdsFollowThePathIdRule() {
        refused(Setting.BASE_URL.key(), "https://a.example", Setting.API_KEY.key(), KEY, Setting.WORKSPACE_ID.key(), "../admin");
        refused(Setting.BASE_URL.key(), "https://a.example", Setting.API_KEY.key(), KEY, Setting.AGENT_ID.key(), "..");
        refused(Setting.BASE_URL.key(), "https://a.example", Setting.API_KEY.key(), KEY, Setting.AGENT_ID.key(), "a/b");
        assertEquals("ws-acme", WonderfulSettings.from(TestConfigs.of(Setting.BASE_URL.key(), "https://a.example",
                Setting.WORKSPACE_ID.key(), "ws-acme")).workspaceId().orElseThrow());
    }

    @Test
    void theSecretsListHoldsTheKeyAndTheToken() {
        WonderfulSettings both = WonderfulSettings.from(TestConfigs.of(Setting.BASE_URL.key(), "https://a.example",
                Setting.SIGNED_TOKEN.key(), TOKEN, Setting.API_KEY.key(), KEY));
        assertEquals(java.util.List.of(KEY, TOKEN), both.secrets());
        assertFalse(both.toString().contains(KEY) || both.toString().contains(TOKEN));
    }
}
