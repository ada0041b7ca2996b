package cx.wonderful.simulator.communications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SeedHistoryTest {

    private final Set<String> agents = Set.of("agent-support", "agent-sales");

    @Test
    void isDeterministicAndVaried() {
        List<JsonObject> acme = new SeedHistory(Set.of("acme", "globex"), agents).of("acme");
        assertEquals(SeedHistory.SIZE, acme.size());
        assertEquals(acme, new SeedHistory(Set.of("acme"), agents).of("acme"));
        assertEquals(Set.of("voice", "chat", "email", "task"), values(acme, "type"));
        assertEquals(Set.of("inbound", "outbound"), values(acme, "direction"));
        assertEquals(Set.of("completed", "missed", "failed", "in-progress"), values(acme, "status"));
        assertEquals(agents, values(acme, "agent_id"));
        assertEquals(SeedHistory.SIZE, values(acme, "id").size());
        acme.forEach(r -> {
            assertTrue(r.containsKey("channel_details") && r.containsKey("priority"));
            assertEquals(3, r.getJsonArray("transcriptions").size());
            assertEquals(r.getString("id"), r.getJsonArray("transcriptions").getJsonObject(0)
                    .getString("communication_id"));
        });
    }

    @Test
    void summariesAreTheRecordsWithoutTranscriptions() {
        SeedHistory seeds = new SeedHistory(Set.of("acme"), agents);
        List<JsonObject> summaries = seeds.summaries("acme");
        assertEquals(SeedHistory.SIZE, summaries.size());
        for (int i = 0; i < summaries.size(); i++) {
            JsonObject full = seeds.of("acme").get(i);
            assertEquals(full.size() - 1, summaries.get(i).size());
            assertTrue(!summaries.get(i).containsKey("transcriptions"));
            assertEquals(full.getString("id"), summaries.get(i).getString("id"));
        }
    }

    @Test
    void tenantsHaveTheirOwnRecords() {
        SeedHistory seeds = new SeedHistory(Set.of("acme", "globex"), agents);
        assertEquals(Set.of("globex"), values(seeds.of("globex"), "tenant_id"));
        assertTrue(seeds.of("nobody").isEmpty());
        assertTrue(values(seeds.of("acme"), "id").stream().noneMatch(values(seeds.of("globex"), "id")::contains));
    }

    private static Set<String> values(List<JsonObject> records, String field) {
        return records.stream().map(r -> r.getString(field)).collect(Collectors.toSet());
    }
}
