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
}
