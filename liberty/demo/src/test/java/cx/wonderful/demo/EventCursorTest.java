package cx.wonderful.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventCursorTest {

    @Test
    void aCursorSurvivesItsOwnFormatWhateverItsIdsHold() {
        EventCursor cursor = new EventCursor(42, "s-1.a_b~c", "t:1/2 %x");
        assertEquals(Optional.of(cursor), EventCursor.parse(cursor.format()));
        assertEquals(Optional.of(new EventCursor(3, "s", null)), EventCursor.parse(new EventCursor(3, "s", null).format()));
    }

    @Test
    void noHeaderIsTheStartAndAPlainNumberIsASequenceAlone() {
        assertEquals(Optional.of(EventCursor.START), EventCursor.parse(null));
        assertEquals(Optional.of(EventCursor.START), EventCursor.parse(" "));
        assertEquals(Optional.of(new EventCursor(7, null, null)), EventCursor.parse("7"));
    }

    @Test
    void anythingElseIsNotACursor() {
        for (String bad : new String[] {"x", "-1", "1:2", "1:a:b:c", "1:%zz:b", "99999999999999999999"}) {
            assertTrue(EventCursor.parse(bad).isEmpty(), bad);
        }
    }
}
