package cx.wonderful.simulator.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChatSessionTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);
    private final SessionStore store = new SessionStore(clock, new ScriptedAgent());

    private ChatSession start() {
        return store.create("acme", "agent-support", Participants.NONE, JsonValue.EMPTY_JSON_OBJECT);
    }

    /** Records what a socket would be sent. */
    static final class Recorder implements SessionListener {
        final List<ChatEvent> events = new ArrayList<>();
        int droppedWith;

        @Override
        public void onEvent(ChatEvent event) {
            events.add(event);
        }

        @Override
        public void drop(int code, String reason) {
            droppedWith = code;
        }
    }

    @Test
    void aCustomerTextIsEchoedByTheAgentThenTheTurnEnds() {
        ChatSession session = start();
        session.customerText("Hello");
        List<ChatEvent> events = session.events(0, 10);
        assertEquals(3, events.size());
        assertEquals(Speaker.CUSTOMER, events.get(0).speaker());
        assertEquals("Hello", events.get(0).text());
        assertEquals("You said: Hello", events.get(1).text());
        assertEquals(ChatEvent.Kind.TURN_ENDED, events.get(2).kind());
        assertEquals(session.id() + "-t000001", events.get(0).transcriptId());
        assertEquals(session.id() + "-t000002", events.get(1).transcriptId());
        assertEquals(List.of(events.get(1)), session.events(1, 1));
    }

    @Test
    void aFarewellEndsTheChatByTheAgentAndLaterSendsFail() {
        ChatSession session = start();
        session.customerText("bye");
        assertTrue(session.isEnded());
        assertEquals(Optional.of(EndedBy.AGENT), session.endedBy());
        ChatEvent last = session.events(0, 10).get(session.eventCount() - 1);
        assertEquals("{\"type\":\"communication_ended\",\"ended_by\":\"agent\"}", last.toSocketJson(session.id()).toString());
        assertThrows(SessionEndedException.class, () -> session.customerText("still there?"));
        assertThrows(SessionEndedException.class, () -> session.end(EndedBy.USER));
        assertThrows(SessionEndedException.class, () -> session.updateMetadata(JsonValue.EMPTY_JSON_OBJECT));
        assertFalse(session.endIfActive(EndedBy.SYSTEM));
    }

    @Test
    void attachedSocketsGetEveryEventInOrderUntilTheEnd() {
        ChatSession session = start();
        Recorder socket = new Recorder();
        assertTrue(session.attach(socket, null));
        session.customerText("one");
        session.end(EndedBy.USER);
        assertEquals(List.of(ChatEvent.Kind.TEXT, ChatEvent.Kind.TEXT, ChatEvent.Kind.TURN_ENDED,
                ChatEvent.Kind.ENDED), socket.events.stream().map(ChatEvent::kind).toList());
        assertEquals(EndedBy.USER, socket.events.get(3).endedBy());
        assertTrue(session.listeners().isEmpty());
    }

    @Test
    void theGreetingComesFirstAndFromASocketAlreadyAttached() {
        ChatSession session = start();
        session.customerText("one");
        List<String> seen = new ArrayList<>();
        SessionListener socket = new SessionListener() {
            @Override
            public void greet() {
                seen.add("greet, attached: " + session.listeners().contains(this));
            }

            @Override
            public void onEvent(ChatEvent event) {
                seen.add(event.kind().name());
            }

            @Override
            public void drop(int code, String reason) {
            }
        };
        assertTrue(session.attach(socket, null));
        // An admin drop asked right after the client saw the greeting must find the socket.
        assertEquals(List.of("greet, attached: true", "TEXT", "TEXT", "TURN_ENDED"), seen);
    }

    @Test
    void resumeReplaysWhatCameAfterTheLastSeenTranscriptAndNothingElse() {
        ChatSession session = start();
        session.customerText("one");
        session.customerText("two");
        String seen = session.transcripts().get(1).transcriptId();
        Recorder resumed = new Recorder();
        assertTrue(session.attach(resumed, seen));
        assertEquals(List.of(ChatEvent.Kind.TURN_ENDED, ChatEvent.Kind.TEXT, ChatEvent.Kind.TEXT, ChatEvent.Kind.TURN_ENDED),
                resumed.events.stream().map(ChatEvent::kind).toList(), "the turn marker of the turn in progress too");
        assertEquals(Arrays.asList(null, "two", "You said: two", null), resumed.events.stream().map(ChatEvent::text).toList());
        assertFalse(session.attach(new Recorder(), "no-such-id"));
        Recorder all = new Recorder();
        session.attach(all, null);
        assertEquals(6, all.events.size(), "4 transcripts and 2 turn markers");
    }

    @Test
    void resumingAnEndedChatReplaysThenEnds() {
        ChatSession session = start();
        session.customerText("one");
        String seen = session.transcripts().get(0).transcriptId();
        session.end(EndedBy.USER);
        Recorder late = new Recorder();
        session.attach(late, seen);
        assertEquals(List.of(ChatEvent.Kind.TEXT, ChatEvent.Kind.TURN_ENDED, ChatEvent.Kind.ENDED),
                late.events.stream().map(ChatEvent::kind).toList());
        assertTrue(session.listeners().isEmpty());
    }

    @Test
    void aBrokenSocketIsDetachedWithoutStoppingTheChat() {
        ChatSession session = start();
        session.attach(new SessionListener() {
            @Override
            public void onEvent(ChatEvent event) {
                throw new IllegalStateException("socket closing");
            }

            @Override
            public void drop(int code, String reason) {
            }
        }, null);
        session.customerText("one");
        assertEquals(3, session.eventCount());
        assertTrue(session.listeners().isEmpty());
    }

    @Test
    void aLongPollWakesUpWhenAnEventArrives() throws Exception {
        ChatSession session = start();
        CountDownLatch waiting = new CountDownLatch(1);
        CountDownLatch woke = new CountDownLatch(1);
        Thread poller = new Thread(() -> {
            try {
                waiting.countDown();
                session.awaitEvents(0, Duration.ofMinutes(5));
                woke.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        poller.start();
        assertTrue(waiting.await(30, TimeUnit.SECONDS));
        session.customerText("wake up");
        assertTrue(woke.await(30, TimeUnit.SECONDS));
        poller.join(30_000);
    }

    @Test
    void initAndMetadataUpdatesMergeIntoTheMetadata() {
        ChatSession session = start();
        session.init(new Participants("+15551234567", "phone", null, null, "en-US"),
                Json.createObjectBuilder().add("name", "Ann").add("platform", "web").build());
        session.updateMetadata(Json.createObjectBuilder().add("platform", "app").build());
        assertEquals("+15551234567", session.participants().from());
        assertEquals("{\"name\":\"Ann\",\"platform\":\"app\"}", session.metadata().toString());
    }

    @Test
    void theStoreScopesSessionsByTenantAndResetEndsThemForTheSystem() {
        ChatSession session = start();
        Recorder socket = new Recorder();
        session.attach(socket, null);
        assertTrue(store.find("acme", session.id()).isPresent());
        assertTrue(store.find("globex", session.id()).isEmpty());
        assertEquals(List.of(session), store.ofTenant("acme"));
        store.reset();
        assertEquals(EndedBy.SYSTEM, socket.events.get(0).endedBy());
        assertTrue(store.find(session.id()).isEmpty());
    }

    @Test
    void cursorsCountConsumedEvents() {
        assertEquals("0-0", Cursor.of(0));
        assertEquals(12, Cursor.parse("12-0"));
        assertEquals(12, Cursor.parse("12"));
        assertThrows(cx.wonderful.simulator.ApiError.class, () -> Cursor.parse("x-0"));
        assertThrows(cx.wonderful.simulator.ApiError.class, () -> Cursor.parse("-1-0"));
        assertThrows(cx.wonderful.simulator.ApiError.class, () -> Cursor.parse("1-5"));
    }

    @Test
    void restAndSocketFormsFollowTheContract() {
        ChatSession session = start();
        session.customerText("Hi");
        ChatEvent customer = session.events(0, 1).get(0);
        assertEquals("{\"id\":\"" + customer.transcriptId() + "\",\"speaker\":\"customer\",\"created_at\":"
                + clock.millis() + ",\"data\":{\"type\":\"text\",\"text\":\"Hi\"}}", customer.toRestJson().toString());
        assertEquals("{\"type\":\"transcript\",\"data\":{\"id\":\"" + customer.transcriptId()
                + "\",\"communication_id\":\"" + session.id() + "\",\"speaker\":\"customer\",\"text\":\"Hi\","
                + "\"created_at\":" + clock.millis() + ",\"tool_details\":null,\"is_eot\":true}}",
                customer.toSocketJson(session.id()).toString());
        assertEquals("{\"type\":\"turn_ended\"}", session.events(2, 1).get(0).toSocketJson(session.id()).toString());
    }
}
