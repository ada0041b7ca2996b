package cx.wonderful.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin client speaks the simulator's admin API as SIMULATOR.md describes it, against a recording server. */
class WonderfulSimulatorTest {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private WonderfulSimulator simulator;
    private volatile int status = 200;
    private volatile String answer = "{\"data\":{\"dropped\":2}}";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst(WonderfulSimulator.ADMIN_HEADER) + " " + body);
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        simulator = WonderfulSimulator.at(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void everyAdminCallCarriesTheAdminKeyAndTheDocumentedBody() {
        simulator.reset();
        simulator.revoke("tok-1");
        simulator.revokeSubject("alice");
        simulator.expire("tok-2");
        simulator.failNext("/api/v1/jwt/sign", 2, 503);
        simulator.delayNext("/api/v1/communications", 1, Duration.ofMillis(1500));
        simulator.resetNext("/api/v1/communications", 1);
        simulator.refuseHandshakes(3, 503);
        assertEquals(2, simulator.dropSockets("s 1", 1011));
        simulator.clearFaults();
        simulator.withAdminKey("other-key").clearJournal();
        assertEquals(List.of(
                "POST /__admin/reset sim-admin ",
                "POST /__admin/tokens/revoke sim-admin {\"token\":\"tok-1\"}",
                "POST /__admin/tokens/revoke sim-admin {\"subject\":\"alice\"}",
                "POST /__admin/tokens/expire sim-admin {\"token\":\"tok-2\"}",
                "POST /__admin/faults sim-admin {\"path\":\"/api/v1/jwt/sign\",\"times\":2,\"status\":503}",
                "POST /__admin/faults sim-admin {\"path\":\"/api/v1/communications\",\"times\":1,\"delay_ms\":1500}",
                "POST /__admin/faults sim-admin {\"path\":\"/api/v1/communications\",\"times\":1,\"reset\":true}",
                "POST /__admin/handshakes/refuse sim-admin {\"times\":3,\"status\":503}",
                "POST /__admin/sessions/s%201/drop sim-admin {\"code\":1011}",
                "DELETE /__admin/faults sim-admin ",
                "DELETE /__admin/journal other-key "), requests);
    }

    @Test
    void theJournalIsReadOldestFirst() {
        answer = "{\"data\":[{\"seq\":1,\"path\":\"/api/v1/jwt/sign\"},{\"seq\":2,\"path\":\"/api/v1/jwt/sign\"}]}";
        List<JsonObject> journal = simulator.journal("/api/v1/jwt/sign");
        assertEquals(2, journal.size());
        assertEquals(2, journal.get(1).getInt("seq"));
        assertTrue(requests.get(0).startsWith("GET /__admin/journal?path=%2Fapi%2Fv1%2Fjwt%2Fsign "), requests.get(0));
    }

    @Test
    void aRefusedAdminCallFailsTheTest() {
        status = 401;
        answer = "{\"message\":\"admin key required\"}";
        AssertionError error = assertThrows(AssertionError.class, simulator::reset);
        assertTrue(error.getMessage().contains("401") && error.getMessage().contains("admin key required"), error.getMessage());
    }

    @Test
    void theLibraryConfigPointsAtThisSimulator() {
        assertEquals(simulator.baseUrl().toString(), simulator.libraryConfig().get("wonderful.base-url"));
        assertEquals(WonderfulSimulator.API_KEY, simulator.libraryConfig().get("wonderful.api-key"));
        assertEquals(simulator.baseUrl() + "/__admin/reset", simulator.uri("/__admin/reset").toString());
        assertThrows(IllegalArgumentException.class, () -> WonderfulSimulator.at(URI.create("localhost:9080")));
    }

    @Test
    void locatedFromTheSystemProperty() {
        System.setProperty(WonderfulSimulator.BASE_URL_PROPERTY, "http://localhost:1234/");
        try {
            assertEquals("http://localhost:1234", WonderfulSimulator.located().baseUrl().toString());
        } finally {
            System.clearProperty(WonderfulSimulator.BASE_URL_PROPERTY);
        }
        assertThrows(IllegalStateException.class, WonderfulSimulator::located, "no MicroProfile Config outside a server");
    }
}
