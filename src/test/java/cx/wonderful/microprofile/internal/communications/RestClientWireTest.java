package cx.wonderful.microprofile.internal.communications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.microprofile.communications.Communication;
import cx.wonderful.microprofile.communications.CommunicationType;
import cx.wonderful.microprofile.communications.ListCommunications;
import cx.wonderful.microprofile.communications.Page;
import cx.wonderful.microprofile.communications.WonderfulCommunications;
import cx.wonderful.microprofile.internal.health.WonderfulReadinessCheck;
import jakarta.ws.rs.client.ClientBuilder;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The exact bytes of the list and readiness queries on the wire, on whichever Jakarta REST / MicroProfile Rest
 * Client implementation is on the class path: the build runs this class on RESTEasy (the default test class path;
 * Open Liberty and WildFly use it) and again on Jersey (execution {@code jersey-rest-client}; Payara and Helidon
 * use it). {@code wonderful.test.rest-client} names the implementation the run must be on, so that a class-path
 * mistake cannot make both runs test the same one.
 */
class RestClientWireTest {

    private static final String API_KEY = "sk-wire-0123456789abcdef";

    private HistoryServer server;
    private LibraryContainer container;

    @BeforeEach
    void start() throws Exception {
        server = new HistoryServer(HistoryServer.numbered(9));
        container = new LibraryContainer(Map.of("wonderful.base-url", server.uri().toString(), "wonderful.api-key", API_KEY,
                "wonderful.max-retries", "0", "wonderful.health.enabled", "true"));
    }

    @AfterEach
    void stop() {
        container.close();
        server.close();
    }

    @Test
    void theRunIsOnTheImplementationItNames() {
        String expected = System.getProperty("wonderful.test.rest-client", "resteasy");
        String restClient = RestClientBuilder.newBuilder().getClass().getName();
        String jaxRsClient = ClientBuilder.newBuilder().getClass().getName();
        String packagePrefix = expected.equals("jersey") ? "org.glassfish.jersey." : "org.jboss.resteasy.";
        assertTrue(restClient.startsWith(packagePrefix), restClient);
        assertTrue(jaxRsClient.startsWith(packagePrefix), jaxRsClient);
    }

    @Test
    void noFiltersIsAnEncodedEmptyObject() {
        container.bean(WonderfulCommunications.class).list(ListCommunications.all());
        assertEquals("filters=%7B%7D&page=1&limit=20", server.seen().get(0).rawQuery());
    }

    @Test
    void everyFilterIsUrlEncodedJsonEncodedOnce() {
        Page<Communication> page = container.bean(WonderfulCommunications.class).list(ListCommunications.builder()
                .type(CommunicationType.VOICE).status("missed", "100% done").fromEmail("a+b@example.com")
                .sort("-startTime").limit(5).build());
        HistoryServer.Seen seen = server.seen().get(0);
        assertEquals("filters=%7B%22type%22%3A%5B%22voice%22%5D%2C%22status%22%3A%5B%22missed%22%2C%22100%25%20done%22%5D%2C"
                + "%22from_email%22%3A%5B%22a%2Bb%40example.com%22%5D%7D&page=1&limit=5&sort=-start_time", seen.rawQuery());
        assertEquals("{\"type\":[\"voice\"],\"status\":[\"missed\",\"100% done\"],\"from_email\":[\"a+b@example.com\"]}",
                seen.params().get("filters"));
        assertEquals(List.of("c-1", "c-5", "c-9"), page.data().stream().map(Communication::id).toList());
        assertEquals(API_KEY, seen.headers().get("x-api-key"));
    }

    @Test
    void getByIdGoesThroughTheRestClientInterface() {
        assertEquals("c-3", container.bean(WonderfulCommunications.class).get("c-3").id());
        assertEquals("/api/v1/communications/c-3", server.seen().get(0).path());
    }

    @Test
    void theReadinessProbeSendsTheSameEncoding() {
        HealthCheckResponse response = container.bean(HealthCheck.class, Readiness.Literal.INSTANCE).call();
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus(), response.getData().toString());
        assertEquals(WonderfulReadinessCheck.NAME, response.getName());
        assertEquals("filters=%7B%7D&page=1&limit=1", server.seen().get(0).rawQuery());
    }
}
