package cx.wonderful.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.it.support.Deployments;
import cx.wonderful.it.support.Simulator;
import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.chat.WonderfulChat;
import cx.wonderful.microprofile.communications.ListCommunications;
import cx.wonderful.microprofile.communications.WonderfulCommunications;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 11 on the runtime's own client (Open Liberty's): ids that would break a URL path never leave, and
 * {@code wonderful.max-retries=2} means exactly 3 requests in the simulator's journal on connection resets (the
 * HTTP engine's own retries do not multiply them), 3 on a persistent 503 of a read, 1 on a 503 of a write.
 */
@ExtendWith(ArquillianExtension.class)
@Tag("liberty-only") // the reset fault aborts the TCP connection through Liberty's internals
class HostileInputIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("hostile", "wonderful.max-retries=2\nwonderful.retry-delay=20ms\n", HostileInputIT.class);
    }

    @Inject
    WonderfulCommunications communications;
    @Inject
    WonderfulChat chat;

    @BeforeEach
    void reset() {
        Simulator.reset();
    }

    @Test
    void idsThatWouldBreakAPathNeverLeave() {
        for (String id : List.of("../../jwt/sign", "a/b", "..", ".", "%2F", "a?b", "a#b", "a\r\nb")) {
            WonderfulException error = assertThrows(WonderfulException.class, () -> communications.get(id), id);
            assertEquals(ErrorCode.VALIDATION_ERROR, error.code(), id);
            WonderfulException recover = assertThrows(WonderfulException.class, () -> chat.recover(id), id);
            assertEquals(ErrorCode.VALIDATION_ERROR, recover.code(), id);
        }
        assertEquals(List.of(), Simulator.journal("/"), "nothing was sent");
    }

    @Test
    void connectionResetsAreRetriedMaxRetriesTimesExactly() {
        Simulator.admin("POST", "/__admin/faults", "{\"method\":\"GET\",\"path\":\"/api/v1/communications\",\"times\":20,\"reset\":true}");
        WonderfulException error = assertThrows(WonderfulException.class, () -> communications.list(ListCommunications.all()));
        assertEquals(ErrorCode.NETWORK_ERROR, error.code(), error.getMessage());
        List<JsonObject> requests = Simulator.journal("/api/v1/communications");
        assertEquals(3, requests.size(), "max-retries=2: the first request and two retries, whatever the engine does: " + requests);
        assertTrue(requests.stream().allMatch(r -> r.getInt("status") == 0), requests.toString());
    }

    @Test
    void aPersistent503IsRetriedForAReadAndARetryAfterIsExposed() {
        Simulator.admin("POST", "/__admin/faults", "{\"method\":\"GET\",\"path\":\"/api/v1/communications\",\"times\":20,\"status\":503}");
        WonderfulException error = assertThrows(WonderfulException.class, () -> communications.get("c-1"));
        assertEquals(ErrorCode.SERVER_ERROR, error.code());
        assertEquals(3, Simulator.journal("/api/v1/communications").size());
        assertFalse(error.getMessage().contains(Simulator.API_KEY));
    }
}
