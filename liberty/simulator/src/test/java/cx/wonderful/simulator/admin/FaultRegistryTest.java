package cx.wonderful.simulator.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FaultRegistryTest {

    private final FaultRegistry faults = new FaultRegistry();

    @Test
    void matchesMethodAndPathPrefixForTheGivenNumberOfRequests() {
        faults.add("post", "/api/v1/jwt/sign", 2, false, 0, false, 503, null);
        assertTrue(faults.take("GET", "/api/v1/jwt/sign", false).isEmpty());
        assertTrue(faults.take("POST", "/api/v1/communications", false).isEmpty());
        assertEquals(503, faults.take("POST", "/api/v1/jwt/sign", false).orElseThrow().status());
        assertEquals(1, faults.pending().get(0).times());
        assertTrue(faults.take("POST", "/api/v1/jwt/sign", false).isPresent());
        assertTrue(faults.take("POST", "/api/v1/jwt/sign", false).isEmpty());
    }

    @Test
    void firstAddedFirstMatchedAndHandshakeOnlyFaultsIgnorePlainRequests() {
        Fault refuse = faults.add("GET", "/api/v1/agents/", 1, true, 0, false, 503, null);
        Fault any = faults.add(null, "/api", 1, false, 10, false, 0, null);
        assertEquals(any, faults.take("GET", "/api/v1/agents/a/chat", false).orElseThrow());
        assertEquals(refuse, faults.take("GET", "/api/v1/agents/a/chat", true).orElseThrow());
        assertTrue(faults.pending().isEmpty());
    }

    @Test
    void rejectsFaultsThatDoNothingOrContradictThemselves() {
        assertThrows(IllegalArgumentException.class, () -> faults.add(null, "/api", 1, false, 0, false, 0, null));
        assertThrows(IllegalArgumentException.class, () -> faults.add(null, "/api", 1, false, 0, true, 503, null));
        assertThrows(IllegalArgumentException.class, () -> faults.add(null, "/api", 0, false, 0, false, 503, null));
        assertThrows(IllegalArgumentException.class, () -> faults.add(null, "api", 1, false, 0, false, 503, null));
        assertThrows(IllegalArgumentException.class, () -> faults.add(null, "/api", 1, false, 0, false, 200, null));
        faults.add(null, "/api", 1, false, 0, true, 0, null);
        faults.clear();
        assertTrue(faults.pending().isEmpty());
    }
}
