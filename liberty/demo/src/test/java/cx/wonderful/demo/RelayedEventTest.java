package cx.wonderful.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.chat.ChatEvent;
import cx.wonderful.microprofile.chat.EndedBy;
import cx.wonderful.microprofile.chat.Speaker;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The relay's event names and JSON, which the page's handlers (app.js) read. */
class RelayedEventTest {

    @Test
    void messageCarriesSpeakerTextAndTime() {
        RelayedEvent event = RelayedEvent.of(7, new ChatEvent.Message("s-t000002", Speaker.HUMAN_AGENT, "Hi <b>there</b>",
                Instant.parse("2026-11-24T21:00:00Z")));

        assertEquals(7, event.id());
        assertEquals("message", event.name());
        assertEquals("{\"id\":\"s-t000002\",\"speaker\":\"human_agent\",\"text\":\"Hi <b>there</b>\",\"createdAt\":\"2026-11-24T21:00:00Z\"}",
                event.data().toString());
    }

    @Test
    void messageWithoutIdOrTimeLeavesThemOut() {
        RelayedEvent event = RelayedEvent.of(1, new ChatEvent.Message(null, Speaker.AGENT, "ok", null));

        assertEquals("{\"speaker\":\"agent\",\"text\":\"ok\"}", event.data().toString());
    }

    @Test
    void connectionEvents() {
        assertEquals("connected", RelayedEvent.of(1, new ChatEvent.Connected("s")).name());
        RelayedEvent lost = RelayedEvent.of(2, new ChatEvent.Disconnected(true, 1006, null, 0));
        assertEquals("disconnected", lost.name());
        assertEquals("{\"willRetry\":true,\"code\":1006,\"reason\":\"\",\"attempt\":0}", lost.data().toString());
        RelayedEvent back = RelayedEvent.of(3, new ChatEvent.Reconnected(2));
        assertEquals("reconnected", back.name());
        assertEquals(2, back.data().getInt("attempts"));
    }

    @Test
    void errorEndAndTurn() {
        RelayedEvent error = RelayedEvent.of(1, new ChatEvent.Error(ErrorCode.CONNECTION_LOST, "gave up", true));
        assertEquals("error", error.name());
        assertEquals("{\"code\":\"CONNECTION_LOST\",\"message\":\"gave up\",\"recoverable\":true}", error.data().toString());
        RelayedEvent ended = RelayedEvent.of(2, new ChatEvent.Ended(EndedBy.AGENT));
        assertEquals("ended", ended.name());
        assertEquals("agent", ended.data().getString("endedBy"));
        RelayedEvent turn = RelayedEvent.of(3, new ChatEvent.TurnEnded());
        assertEquals("turn-ended", turn.name());
        assertFalse(turn.data().containsKey("text"));
    }

    @Test
    void idsStartAtOne() {
        assertThrows(IllegalArgumentException.class, () -> RelayedEvent.of(0, new ChatEvent.TurnEnded()));
    }
}
