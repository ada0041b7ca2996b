package cx.wonderful.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.simulator.chat.Cursor;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The strict contract mode's variants, each the less convenient one the contract allows. */
class StrictContractTest {

    @AfterEach
    void ordinary() {
        StrictContract.force(null);
    }

    @Test
    void offByDefaultOutsideAServer() {
        assertFalse(StrictContract.on());
        assertEquals("3-0", Cursor.of(3));
        assertEquals("{\"message\":\"m\",\"error\":\"C\"}", StrictContract.errorBody(400, "C", "m").toString());
    }

    @Test
    void strictCursorsAreOpaqueAndStillRead() {
        StrictContract.force(true);
        String cursor = Cursor.of(3);
        assertFalse(cursor.contains("3-0"), cursor);
        assertEquals(3, Cursor.parse(cursor));
        assertEquals(0, Cursor.parse("0-0"));
        assertNull(StrictContract.plainCursor("3-0"), "a cursor the client made up is not one");
    }

    @Test
    void strictObjectsGainAnUnknownFieldAndErrorsLoseTheirCode() {
        StrictContract.force(true);
        JsonObject decorated = StrictContract.decorate(Json.createObjectBuilder()
                .add("data", Json.createObjectBuilder().add("metadata", Json.createObjectBuilder().add("k", "v")))
                .build()).asJsonObject();
        assertTrue(decorated.containsKey(StrictContract.UNKNOWN_FIELD));
        assertTrue(decorated.getJsonObject("data").containsKey(StrictContract.UNKNOWN_FIELD));
        assertEquals(Json.createObjectBuilder().add("k", "v").build(), decorated.getJsonObject("data").getJsonObject("metadata"));
        assertEquals("{\"detail\":\"m\"}", StrictContract.errorBody(404, "C", "m").toString());
        assertEquals("{\"data\":{\"message\":\"m\"}}", StrictContract.errorBody(503, "C", "m").toString());
        assertEquals("\"2026-12-01T12:00:00Z\"", StrictContract.socketTime(Instant.parse("2026-12-01T12:00:00.789Z")).toString());
    }
}
