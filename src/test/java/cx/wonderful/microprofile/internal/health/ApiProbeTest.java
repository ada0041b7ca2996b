package cx.wonderful.microprofile.internal.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.internal.EncodedQueryClient;
import cx.wonderful.microprofile.internal.communications.HistoryServer;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The probe on a plain Jakarta REST client, without the library's credential filter. */
class ApiProbeTest {

    private static final String SECRET = "tok-abcdefghijklmnopqrstuvwxyz";

    private static final Client CLIENT = ClientBuilder.newClient();

    private HistoryServer server;

    @AfterAll
    static void closeClient() {
        CLIENT.close();
    }

    @BeforeEach
    void start() throws Exception {
        server = new HistoryServer(HistoryServer.numbered(2));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static ApiProbe probe(URI base) {
        return new ApiProbe("wonderful-api", () -> new EncodedQueryClient(CLIENT, base),
                Map.of("baseUrl", base.toString()), List.of(SECRET));
    }

    @Test
    void upOnA2xx() {
        HealthCheckResponse response = probe(server.uri()).probe();
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertEquals(Map.of("enabled", true, "baseUrl", server.uri().toString()), response.getData().orElseThrow());
    }

    @Test
    void refusedCredentialIsReportedWithItsStatus() {
        server.refuse(403, "{\"message\":\"agent not accessible\"}");
        HealthCheckResponse response = probe(server.uri()).probe();
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertEquals("credential refused (HTTP 403)", response.getData().orElseThrow().get("reason"));
        assertEquals(403L, response.getData().orElseThrow().get("httpStatus"));
    }

    @Test
    void unreachableNamesTheCause() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HealthCheckResponse response = probe(URI.create("http://127.0.0.1:" + closedPort)).probe();
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        String reason = (String) response.getData().orElseThrow().get("reason");
        assertTrue(reason.startsWith("unreachable: ") && reason.contains("Connect"), reason);
    }

    @Test
    void secretsAreMaskedInEveryReason() {
        ApiProbe leaky = new ApiProbe("wonderful-api", () -> {
            throw new WonderfulException(ErrorCode.SERVER_ERROR, "upstream said: bad token " + SECRET, 502, true, null);
        }, Map.of(), List.of(SECRET));
        HealthCheckResponse response = leaky.probe();
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        String reason = (String) response.getData().orElseThrow().get("reason");
        assertFalse(reason.contains(SECRET), reason);
        assertTrue(reason.contains("SERVER_ERROR") && reason.contains("****"), reason);
    }

    @Test
    void aClientThatCannotBeBuiltIsRetriedOnTheNextProbe() {
        AtomicInteger attempts = new AtomicInteger();
        ApiProbe probe = new ApiProbe("wonderful-api", () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new WonderfulException(ErrorCode.CONFIGURATION_ERROR, "wonderful-health/mp-rest/url is not an absolute URL");
            }
            return new EncodedQueryClient(CLIENT, server.uri());
        }, Map.of(), List.of());
        assertEquals(HealthCheckResponse.Status.DOWN, probe.probe().getStatus());
        assertEquals(HealthCheckResponse.Status.UP, probe.probe().getStatus());
        assertEquals(2, attempts.get());
    }
}
