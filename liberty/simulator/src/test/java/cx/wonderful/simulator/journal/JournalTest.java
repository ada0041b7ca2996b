package cx.wonderful.simulator.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalTest {

    private static final Instant T = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void filtersByPathPrefixAndKeepsOrder() {
        Journal journal = new Journal(10);
        journal.record(T, "POST", "/api/v1/jwt/sign", null, false, "apikey", "sim-****", 200);
        journal.record(T, "GET", "/api/v1/agents/a/chat", "commType=chat", true, "jwt", "eyJh****", 101, "user-1");
        journal.record(T, "POST", "/api/v1/jwt/sign", null, false, null, null, 401);
        assertEquals(List.of(1L, 3L), journal.entries("/api/v1/jwt/sign").stream().map(JournalEntry::seq).toList());
        assertEquals(3, journal.entries(null).size());
        assertEquals("{\"seq\":2,\"time\":\"2026-05-01T10:00:00Z\",\"method\":\"GET\",\"path\":\"/api/v1/agents/a/chat\","
                + "\"websocket\":true,\"status\":101,\"query\":\"commType=chat\",\"credential_kind\":\"jwt\","
                + "\"credential\":\"eyJh****\",\"sub\":\"user-1\"}", journal.entries("/api/v1/agents").get(0).toJson().toString());
    }

    @Test
    void dropsTheOldestWhenFullAndRestartsNumberingWhenCleared() {
        Journal journal = new Journal(2);
        for (int i = 0; i < 3; i++) {
            journal.record(T, "GET", "/p" + i, null, false, null, null, 200);
        }
        assertEquals(List.of("/p1", "/p2"), journal.entries("").stream().map(JournalEntry::path).toList());
        journal.clear();
        assertEquals(1, journal.record(T, "GET", "/p", null, false, null, null, 200).seq());
    }
}
