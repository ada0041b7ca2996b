package cx.wonderful.simulator.communications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.simulator.ApiError;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CommunicationQueryTest {

    private final List<JsonObject> records = new SeedHistory(Set.of("acme"), Set.of("agent-support", "agent-sales"))
            .of("acme");

    private CommunicationQuery.Page query(String filters, Integer page, Integer limit, String sort) {
        return CommunicationQuery.parse(filters, page, limit, sort).apply(records);
    }

    @Test
    void emptyFiltersPageNewestFirst() {
        CommunicationQuery.Page first = query("{}", null, null, null);
        assertEquals(57, first.totalRows());
        assertEquals(3, first.totalPages());
        assertEquals(20, first.rows().size());
        assertEquals("-createdAt", first.sort());
        assertEquals(SeedHistory.NEWEST.toString(), first.rows().get(0).getString("start_time"));
        CommunicationQuery.Page last = query("{}", 3, 20, null);
        assertEquals(17, last.rows().size());
        assertEquals(0, query("{}", 4, 20, null).rows().size());
    }

    @Test
    void filtersCombineAndAcceptStringsOrArrays() {
        CommunicationQuery.Page voiceInbound = query("{\"type\":[\"voice\"],\"direction\":\"inbound\"}", 1, 100, null);
        assertTrue(voiceInbound.totalRows() > 0);
        voiceInbound.rows().forEach(r -> {
            assertEquals("voice", r.getString("type"));
            assertEquals("inbound", r.getString("direction"));
        });
        long expected = records.stream().filter(r -> r.getString("type").equals("voice")
                && r.getString("direction").equals("inbound")).count();
        assertEquals(expected, voiceInbound.totalRows());
        CommunicationQuery.Page emails = query("{\"from_email\":[\"customer1@example.com\"],\"agent_id\":"
                + "\"agent-sales\"}", 1, 100, null);
        emails.rows().forEach(r -> assertEquals("customer1@example.com", r.getString("from_email")));
        assertEquals(0, query("{\"status\":[]}", 1, 100, null).totalRows());
    }

    @Test
    void dateFiltersAreInclusiveEpochSecondsOnStartTime() {
        Instant newest = SeedHistory.NEWEST;
        Instant second = newest.minus(SeedHistory.SPACING);
        CommunicationQuery.Page page = query("{\"startDate\":" + second.getEpochSecond() + ",\"endDate\":"
                + newest.getEpochSecond() + "}", 1, 100, null);
        assertEquals(2, page.totalRows());
    }

    @Test
    void sortsByAnyFieldInEitherCaseWithIdAsTieBreaker() {
        List<Long> durations = query("{\"status\":[\"completed\"]}", 1, 100, "duration").rows().stream()
                .map(r -> r.getJsonNumber("duration").longValue()).toList();
        assertEquals(durations.stream().sorted().toList(), durations);
        List<JsonObject> byAgent = query("{}", 1, 100, "-agentId").rows();
        List<JsonObject> expected = records.stream().sorted(Comparator
                .comparing((JsonObject r) -> r.getString("agent_id")).reversed()
                .thenComparing(r -> r.getString("id"))).toList();
        assertEquals(expected, byAgent);
        assertEquals(query("{}", 1, 100, "createdAt").rows(), query("{}", 1, 100, "start_time").rows());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{bad", "[]", "{\"colour\":[\"red\"]}", "{\"type\":5}", "{\"type\":[5]}",
            "{\"startDate\":\"yesterday\"}"})
    void malformedFiltersAreRejected(String filters) {
        assertEquals(400, assertThrows(ApiError.class, () -> query(filters, 1, 20, null)).status());
    }

    @Test
    void pagingAndSortParametersAreValidated() {
        assertThrows(ApiError.class, () -> query(null, 1, 20, null));
        assertThrows(ApiError.class, () -> query("{}", 0, 20, null));
        assertThrows(ApiError.class, () -> query("{}", 1, 0, null));
        assertThrows(ApiError.class, () -> query("{}", 1, 101, null));
        assertThrows(ApiError.class, () -> query("{}", 1, 20, "-colour"));
    }
}
