package cx.wonderful.microprofile.internal.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.microprofile.chat.ChatEvent;
import cx.wonderful.microprofile.chat.Speaker;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TranscriptLedgerTest {

    private static final Instant AT = Instant.ofEpochMilli(1_700_000_000_000L);

    private static ChatEvent.Message message(String id, String text) {
        return new ChatEvent.Message(id, Speaker.AGENT, text, AT);
    }

    @Test
    void aMessageIsRecordedOnceAndTheLastIdIsTheResumePoint() {
        TranscriptLedger ledger = new TranscriptLedger();
        assertEquals(Optional.empty(), ledger.lastId());
        assertTrue(ledger.accept(message("t-1", "one")));
        assertTrue(ledger.accept(message("t-2", "two")));
        assertFalse(ledger.accept(message("t-1", "one")));
        assertFalse(ledger.accept(message("t-2", "two")));
        assertEquals(Optional.of("t-2"), ledger.lastId());
        assertTrue(ledger.accept(message("t-3", "three")));
        assertEquals(Optional.of("t-3"), ledger.lastId());
        assertEquals(List.of("one", "two", "three"), ledger.snapshot().stream().map(ChatEvent.Message::text).toList());
    }

    @Test
    void aReplayedDuplicateDoesNotMoveTheResumePointBack() {
        TranscriptLedger ledger = new TranscriptLedger();
        ledger.accept(message("t-1", "one"));
        ledger.accept(message("t-2", "two"));
        ledger.accept(message("t-1", "one"));
        assertEquals(Optional.of("t-2"), ledger.lastId());
    }

    @Test
    void historyWithoutIdsIsRecognisedOnceWhenTheSocketReplaysIt() {
        TranscriptLedger ledger = new TranscriptLedger();
        assertTrue(ledger.accept(message(null, "hello")));
        assertTrue(ledger.accept(message(null, "hello")));
        assertEquals(Optional.empty(), ledger.lastId());
        // The socket replays both with ids: each is recognised once, the resume point moves on.
        assertFalse(ledger.accept(message("t-1", "hello")));
        assertFalse(ledger.accept(message("t-2", "hello")));
        assertEquals(Optional.of("t-2"), ledger.lastId());
        // A third, genuinely new one with the same words is a new message.
        assertTrue(ledger.accept(message("t-3", "hello")));
        assertEquals(3, ledger.snapshot().size());
    }

    @Test
    void theSnapshotIsImmutableAndDoesNotChangeLater() {
        TranscriptLedger ledger = new TranscriptLedger();
        ledger.accept(message("t-1", "one"));
        List<ChatEvent.Message> snapshot = ledger.snapshot();
        ledger.accept(message("t-2", "two"));
        assertEquals(1, snapshot.size());
        assertThrows(UnsupportedOperationException.class, () -> snapshot.add(message("t-3", "x")));
    }

    @Test
    void theReplayIsRecognisedWhateverThePrecisionOfTheSocketsTimes() {
        // Issue 11 item 7: history in epoch ms, the socket's replay in whole seconds (or ISO text): before, keyed on
        // speaker + created_at ms + text, every history message came twice.
        TranscriptLedger ledger = new TranscriptLedger();
        ledger.accept(new ChatEvent.Message(null, Speaker.CUSTOMER, "hi", Instant.ofEpochMilli(1_700_000_000_123L)));
        ledger.accept(new ChatEvent.Message(null, Speaker.AGENT, "You said: hi", Instant.ofEpochMilli(1_700_000_000_456L)));
        assertFalse(ledger.accept(new ChatEvent.Message("t-1", Speaker.CUSTOMER, "hi", Instant.ofEpochSecond(1_700_000_000L))));
        assertFalse(ledger.accept(new ChatEvent.Message("t-2", Speaker.AGENT, "You said: hi", null)));
        assertTrue(ledger.accept(new ChatEvent.Message("t-3", Speaker.CUSTOMER, "next", null)));
        assertEquals(List.of("hi", "You said: hi", "next"), ledger.snapshot().stream().map(ChatEvent.Message::text).toList());
        assertEquals(Optional.of("t-3"), ledger.lastId());
    }

    @Test
    void aReplayThatDivergesFromTheHistoryLosesNothing() {
        TranscriptLedger ledger = new TranscriptLedger();
        ledger.accept(new ChatEvent.Message(null, Speaker.CUSTOMER, "one", AT));
        ledger.accept(new ChatEvent.Message(null, Speaker.AGENT, "two", AT));
        // The socket starts with something the history does not have: from there on, everything is new.
        assertTrue(ledger.accept(new ChatEvent.Message("t-9", Speaker.SYSTEM, "other", AT)));
        assertTrue(ledger.accept(new ChatEvent.Message("t-10", Speaker.CUSTOMER, "one", AT)));
        assertEquals(4, ledger.snapshot().size());
    }

    @Test
    void aSpeakerMismatchIsNotTakenForTheReplay() {
        TranscriptLedger ledger = new TranscriptLedger();
        ledger.accept(new ChatEvent.Message(null, Speaker.CUSTOMER, "same words", AT));
        assertTrue(ledger.accept(new ChatEvent.Message("t-1", Speaker.AGENT, "same words", AT)));
        assertEquals(2, ledger.snapshot().size());
    }
}
