package cx.wonderful.microprofile.internal.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import cx.wonderful.microprofile.chat.ChatEvent;
import cx.wonderful.microprofile.chat.EndedBy;
import cx.wonderful.microprofile.chat.ParticipantType;
import cx.wonderful.microprofile.chat.Speaker;
import cx.wonderful.microprofile.internal.JsonValues;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FramesTest {

    @Test
    void aTranscriptBecomesAMessage() {
        InboundFrame frame = Frames.parse("{\"type\":\"transcript\",\"data\":{\"id\":\"t-9\",\"communication_id\":\"c-1\","
                + "\"speaker\":\"agent\",\"text\":\"Hello\",\"created_at\":1700000000000,\"tool_details\":null,\"is_eot\":true}}");
        ChatEvent.Message message = assertInstanceOf(InboundFrame.Transcript.class, frame).message();
        assertEquals(new ChatEvent.Message("t-9", Speaker.AGENT, "Hello", Instant.ofEpochMilli(1_700_000_000_000L)), message);
    }

    @Test
    void timesMayBeIsoAndSpeakersUnknown() {
        InboundFrame frame = Frames.parse("{\"type\":\"transcript\",\"data\":{\"id\":7,\"speaker\":\"robot\",\"text\":\"x\","
                + "\"created_at\":\"2026-01-02T03:04:05Z\"}}");
        ChatEvent.Message message = assertInstanceOf(InboundFrame.Transcript.class, frame).message();
        assertEquals("7", message.id());
        assertEquals(Speaker.OTHER, message.speaker());
        assertEquals(Instant.parse("2026-01-02T03:04:05Z"), message.createdAt());
    }

    @Test
    void theOtherFramesAreRecognised() {
        assertEquals(new InboundFrame.Start("c-1"), Frames.parse("{\"type\":\"start\",\"communication_id\":\"c-1\"}"));
        assertInstanceOf(InboundFrame.TurnEnded.class, Frames.parse("{\"type\":\"turn_ended\"}"));
        assertEquals(new InboundFrame.CommunicationEnded(Optional.of(EndedBy.AGENT)),
                Frames.parse("{\"type\":\"communication_ended\",\"ended_by\":\"agent\"}"));
        assertEquals(new InboundFrame.CommunicationEnded(Optional.empty()), Frames.parse("{\"type\":\"communication_ended\"}"));
        assertInstanceOf(InboundFrame.Ignored.class, Frames.parse("{\"type\":\"pong\"}"));
        assertInstanceOf(InboundFrame.Ignored.class, Frames.parse("{\"type\":\"transcript\",\"data\":{\"id\":\"t\",\"text\":\"\"}}"));
        assertInstanceOf(InboundFrame.Ignored.class, Frames.parse("not json"));
        assertInstanceOf(InboundFrame.Ignored.class, Frames.parse("[1,2]"));
    }

    @Test
    void historyEventsOfChatV3AreRead() {
        assertEquals(new InboundFrame.Transcript(new ChatEvent.Message("t-1", Speaker.CUSTOMER, "hi", Instant.ofEpochMilli(5))),
                Frames.historyEvent(json("{\"id\":\"t-1\",\"speaker\":\"customer\",\"created_at\":5,\"data\":{\"type\":\"text\",\"text\":\"hi\"}}")));
        assertEquals(new InboundFrame.Transcript(new ChatEvent.Message(null, Speaker.HUMAN_AGENT, "ok", Instant.ofEpochMilli(6))),
                Frames.historyEvent(json("{\"speaker\":\"human_agent\",\"created_at\":6,\"data\":{\"type\":\"text\",\"text\":\"ok\"}}")));
        assertEquals(new InboundFrame.CommunicationEnded(Optional.of(EndedBy.USER)),
                Frames.historyEvent(json("{\"type\":\"communication_ended\",\"ended_by\":\"user\"}")));
        assertInstanceOf(InboundFrame.TurnEnded.class, Frames.historyEvent(json("{\"type\":\"turn_ended\",\"turn_type\":\"user\"}")));
        assertInstanceOf(InboundFrame.Ignored.class, Frames.historyEvent(json("{\"type\":\"function_call\",\"name\":\"lookup\"}")));
    }

    @Test
    void initCarriesTheMetadataAndTheParticipants() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", "Dana");
        metadata.put("score", 1.5f);
        metadata.put("visits", (short) 3);
        metadata.put("tags", List.of("vip", 2));
        metadata.put("none", null);
        ValidatedStart start = new ValidatedStart("agent-support", "+14155550123", ParticipantType.PHONE, "sales@acme.example",
                ParticipantType.EMAIL, "en-US", JsonValues.toJsonObject(metadata, "metadata"));
        JsonObject init = json(Frames.init(start));
        assertEquals("init", init.getString("type"));
        assertEquals(json("{\"name\":\"Dana\",\"score\":1.5,\"visits\":3,\"tags\":[\"vip\",2],\"none\":null,"
                + "\"from\":\"+14155550123\",\"fromType\":\"phone\",\"to\":\"sales@acme.example\",\"toType\":\"email\",\"locale\":\"en-US\"}"),
                init.getJsonObject("metadata"));
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
