package cx.wonderful.microprofile.internal.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.microprofile.internal.communications.HistoryServer;
import cx.wonderful.microprofile.internal.communications.LibraryContainer;
import java.net.ServerSocket;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The readiness check as the application's container runs it, against an in-process API. */
class WonderfulReadinessCheckTest {

    private static final String API_KEY = "sk-health-0123456789abcdef";

    private HistoryServer server;

    @BeforeEach
    void start() throws Exception {
        server = new HistoryServer(HistoryServer.numbered(3));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Map<String, String> config(String baseUrl, boolean enabled) {
        Map<String, String> config = new HashMap<>();
        config.put("wonderful.base-url", baseUrl);
        config.put("wonderful.api-key", API_KEY);
        config.put("wonderful.max-retries", "0");
        config.put("wonderful.health.enabled", Boolean.toString(enabled));
        return config;
    }

    private static HealthCheckResponse check(Map<String, String> config) {
        try (LibraryContainer container = new LibraryContainer(config)) {
            return container.bean(HealthCheck.class, Readiness.Literal.INSTANCE).call();
        }
    }

    private static void assertNoSecret(HealthCheckResponse response) {
        assertFalse(response.getData().orElseThrow().toString().contains(API_KEY), response.getData().toString());
        assertFalse(response.getData().orElseThrow().toString().contains("0123456789abcdef"));
    }

    @Test
    void disabledByDefaultAndSendsNothing() {
        Map<String, String> config = config(server.uri().toString(), false);
        config.remove("wonderful.health.enabled");
        HealthCheckResponse response = check(config);
        assertEquals(WonderfulReadinessCheck.NAME, response.getName());
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertEquals(Map.of("enabled", false), response.getData().orElseThrow());
        assertEquals(List.of(), server.seen());
    }

    @Test
    void disabledNeedsNoConfigurationAtAll() {
        AtomicInteger built = new AtomicInteger();
        WonderfulReadinessCheck check = new WonderfulReadinessCheck(false, () -> {
            built.incrementAndGet();
            throw new AssertionError("a disabled check must not build its probe");
        });
        assertEquals(HealthCheckResponse.Status.UP, check.call().getStatus());
        assertEquals(0, built.get());
    }

    @Test
    void theSwitchIsTheApplicationsWhicheverThreadAsksFirst() throws Exception {
        try (LibraryContainer container = new LibraryContainer(config(server.uri().toString(), true))) {
            HealthCheck check = container.bean(HealthCheck.class, Readiness.Literal.INSTANCE);
            // As Payara's health endpoint does: the first call comes on a thread of the runtime, whose context
            // class loader does not see the application's configuration.
            AtomicReference<HealthCheckResponse> answer = new AtomicReference<>();
            Thread runtimeThread = new Thread(() -> answer.set(check.call()), "runtime-health");
            runtimeThread.setContextClassLoader(new ClassLoader(null) { });
            runtimeThread.start();
            runtimeThread.join(60_000);
            assertEquals(true, answer.get().getData().orElseThrow().get("enabled"), answer.get().getData().toString());
            // The probe went out (a disabled check sends nothing); whether this bare thread can read the answer
            // depends on the client implementation's provider lookup, not on the library.
            assertEquals(1, server.seen().size());
        }
    }

    @Test
    void upWhenTheApiAcceptsTheCredential() {
        HealthCheckResponse response = check(config(server.uri().toString(), true));
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus(), response.getData().toString());
        Map<String, Object> data = response.getData().orElseThrow();
        assertEquals(true, data.get("enabled"));
        assertEquals(server.uri().toString(), data.get("baseUrl"));
        assertEquals("API_KEY", data.get("credential"));
        HistoryServer.Seen probe = server.seen().get(0);
        assertEquals("/api/v1/communications", probe.path());
        assertEquals("1", probe.params().get("limit"));
        assertEquals("{}", probe.params().get("filters"));
        assertTrue(probe.rawQuery().contains("filters=%7B%7D"), probe.rawQuery());
        assertEquals(API_KEY, probe.headers().get("x-api-key"), "the probe is an authenticated call");
        assertNoSecret(response);
    }

    @Test
    void downWhenTheCredentialIsRefused() {
        server.refuse(401, "{\"message\":\"invalid API key " + API_KEY + "\",\"error\":\"UNAUTHORIZED\"}");
        HealthCheckResponse response = check(config(server.uri().toString(), true));
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        Map<String, Object> data = response.getData().orElseThrow();
        assertEquals("credential refused (HTTP 401)", data.get("reason"));
        assertEquals(401L, data.get("httpStatus"));
        assertEquals(1, server.seen().size(), "one request: no retry, no refresh");
        assertNoSecret(response);
    }

    @Test
    void downWithTheStatusWhenTheApiFails() {
        server.refuse(503, "{\"message\":\"maintenance; your key is " + API_KEY + "\"}");
        HealthCheckResponse response = check(config(server.uri().toString(), true));
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertEquals(503L, response.getData().orElseThrow().get("httpStatus"));
        assertNoSecret(response);
    }

    @Test
    void downWhenTheApiIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HealthCheckResponse response = check(config("http://127.0.0.1:" + closedPort, true));
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        String reason = (String) response.getData().orElseThrow().get("reason");
        assertTrue(reason.startsWith("unreachable"), reason);
        assertNoSecret(response);
    }

    @Test
    void downWhenTheLibraryIsNotConfigured() {
        Map<String, String> config = config(server.uri().toString(), true);
        config.remove("wonderful.base-url");
        HealthCheckResponse response = check(config);
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        String reason = (String) response.getData().orElseThrow().get("reason");
        assertTrue(reason.contains("CONFIGURATION_ERROR") && reason.contains("wonderful.base-url"), reason);
        assertNoSecret(response);
    }

    @Test
    void theReportedUrlHasNoUserInfo() {
        assertEquals("https://acme.api.wonderful.ai:8443/base",
                WonderfulReadinessCheck.withoutUserInfo(URI.create("https://user:pw@acme.api.wonderful.ai:8443/base")));
    }
}
