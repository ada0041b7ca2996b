package cx.wonderful.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EndUserTest {

    @Test
    void theSameNameAlwaysGetsTheSameEndUserId() {
        assertEquals(EndUser.named("demo").entityId(), EndUser.named("demo").entityId());
        assertEquals("54e09b3c-184a-3297-a97b-bbcaabb18902", EndUser.named("demo").entityId().toString(),
                "name-based: stable across restarts and servers");
    }

    @Test
    void differentNamesGetDifferentIds() {
        assertNotEquals(EndUser.named("demo").entityId(), EndUser.named("Demo").entityId());
    }

    @Test
    void aBlankNameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> EndUser.named(" "));
        assertThrows(IllegalArgumentException.class, () -> EndUser.named(null));
    }
}
