package cx.wonderful.microprofile.internal.communications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.communications.Communication;
import cx.wonderful.microprofile.communications.CommunicationType;
import cx.wonderful.microprofile.communications.Direction;
import cx.wonderful.microprofile.communications.Page;
import cx.wonderful.microprofile.communications.Pagination;
import cx.wonderful.microprofile.communications.Transcription;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommunicationsReaderTest {

    static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text.replace('\'', '"')))) {
            return reader.readObject();
        }
    }

    private static final String RECORD = "{'id':'c-1','tenant_id':'acme','type':'voice','interactor':'bot',"
            + "'direction':'inbound','agent_id':'agent-support','locale':'en-US','status':'completed',"
            + "'start_time':1714557600000,'end_time':'2024-05-01T10:02:05.500Z','duration':125500,"
            + "'from_number':'+15550100','to_number':'+15550199','from_email':null,'sentiment':'positive',"
            + "'summary':'Asked about a refund','tags':['refund','vip'],'metadata':{'name':'Ann','platform':'web'},"
            + "'queue':'billing','score':{'csat':5}}";

    @Test
    void everyContractFieldIsMappedToCamelCase() {
        Communication c = Communication.fromWire(json(RECORD));
        assertEquals("c-1", c.id());
        assertEquals(Optional.of("acme"), c.tenantId());
        assertEquals(Optional.of(CommunicationType.VOICE), c.type());
        assertEquals(Optional.of("voice"), c.typeName());
        assertEquals(Optional.of("bot"), c.interactor());
        assertEquals(Optional.of(Direction.INBOUND), c.direction());
        assertEquals(Optional.of("agent-support"), c.agentId());
        assertEquals(Optional.of("en-US"), c.locale());
        assertEquals(Optional.of("completed"), c.status());
        assertEquals(Optional.of(Instant.parse("2024-05-01T10:00:00Z")), c.startTime());
        assertEquals(Optional.of(Instant.parse("2024-05-01T10:02:05.500Z")), c.endTime());
        assertEquals(Optional.of(Duration.ofMillis(125_500)), c.duration());
        assertEquals(Optional.of("+15550100"), c.fromNumber());
        assertEquals(Optional.of("+15550199"), c.toNumber());
        assertEquals(Optional.empty(), c.fromEmail());
        assertEquals(Optional.of("positive"), c.sentiment());
        assertEquals(Optional.of("Asked about a refund"), c.summary());
        assertEquals(List.of("refund", "vip"), c.tags());
        assertEquals("Ann", c.metadata().getString("name"));
        assertEquals(List.of(), c.transcriptions());
    }

    @Test
    void unknownFieldsAreKeptAsReceived() {
        JsonObject wire = json(RECORD);
        Communication c = Communication.fromWire(wire);
        assertEquals(Set.of("queue", "score"), c.extra().keySet());
        assertEquals(Json.createValue("billing"), c.extra().get("queue"));
        assertEquals(5, c.extra().get("score").asJsonObject().getInt("csat"));
        assertEquals(wire, c.raw(), "the whole record, known and unknown fields, maps back to the wire unchanged");
        assertThrows(UnsupportedOperationException.class, () -> c.extra().put("x", null));
    }

    @Test
    void newerKindsAndDirectionsAreKeptByName() {
        Communication c = Communication.fromWire(json("{'id':'c-2','type':'sms','direction':'internal'}"));
        assertEquals(Optional.empty(), c.type());
        assertEquals(Optional.of("sms"), c.typeName());
        assertEquals(Optional.empty(), c.direction());
        assertEquals(Optional.of("internal"), c.directionName());
    }

    @Test
    void timesAcceptEpochMillisAndIso8601() {
        Instant expected = Instant.parse("2024-05-01T10:00:00Z");
        for (String time : List.of("1714557600000", "'1714557600000'", "'2024-05-01T10:00:00Z'",
                "'2024-05-01T12:00:00+02:00'", "'2024-05-01T10:00:00.000Z'", "1714557600000.0")) {
            Communication c = Communication.fromWire(json("{'id':'t','start_time':" + time + "}"));
            assertEquals(Optional.of(expected), c.startTime(), time);
        }
        Communication absent = Communication.fromWire(json("{'id':'t','start_time':null}"));
        assertEquals(Optional.empty(), absent.startTime());
        assertEquals(Optional.empty(), absent.endTime());
    }

    @Test
    void durationIsMillisecondsWithFractionsKept() {
        assertEquals(Optional.of(Duration.ofNanos(1_500_250_000L)),
                Communication.fromWire(json("{'id':'d','duration':1500.25}")).duration());
        assertEquals(Optional.of(Duration.ofMillis(42)),
                Communication.fromWire(json("{'id':'d','duration':'42'}")).duration());
        assertEquals(Optional.of(Duration.ZERO),
                Communication.fromWire(json("{'id':'d','duration':0}")).duration());
    }

    @Test
    void valuesOfTheWrongKindAreUnexpectedResponses() {
        for (String bad : List.of("{'id':'x','start_time':'yesterday'}", "{'id':'x','start_time':true}",
                "{'id':'x','duration':'long'}", "{'id':'x','duration':-1}", "{'id':'x','tags':'vip'}",
                "{'id':'x','metadata':[1]}", "{'id':'x','status':{'a':1}}", "{'type':'voice'}", "{'id':''}",
                "{'id':'x','transcriptions':[1]}")) {
            WonderfulException e = assertThrows(WonderfulException.class,
                    () -> Communication.fromWire(json(bad)), bad);
            assertEquals(ErrorCode.UNEXPECTED_RESPONSE, e.code(), bad);
        }
    }

    @Test
    void sentimentOfAnyKindIsKeptAsText() {
        assertEquals(Optional.of("0.8"), Communication.fromWire(json("{'id':'s','sentiment':0.8}")).sentiment());
        assertEquals(Optional.of("{\"label\":\"neg\"}"),
                Communication.fromWire(json("{'id':'s','sentiment':{'label':'neg'}}")).sentiment());
    }

    @Test
    void singleRecordComesWithItsTranscriptions() {
        Communication c = CommunicationsReader.single(json("{'data':{'id':'chat-9','type':'chat','transcriptions':["
                + "{'id':'t1','communication_id':'chat-9','speaker':'customer','text':'hi','start_time':1714557600000,"
                + "'end_time':1714557601000,'tool_details':null,'confidence':0.93},"
                + "{'id':'t2','communication_id':'chat-9','speaker':'agent','text':'Hello!','start_time':'2024-05-01T10:00:02Z',"
                + "'tool_details':{'name':'lookup','args':{'q':'x'}}}]}}"));
        assertEquals("chat-9", c.id());
        assertEquals(2, c.transcriptions().size());
        Transcription first = c.transcriptions().get(0);
        assertEquals(Optional.of("t1"), first.id());
        assertEquals(Optional.of("chat-9"), first.communicationId());
        assertEquals(Optional.of("customer"), first.speaker());
        assertEquals(Optional.of("hi"), first.text());
        assertEquals(Optional.of(Instant.parse("2024-05-01T10:00:00Z")), first.startTime());
        assertEquals(Optional.of(Instant.parse("2024-05-01T10:00:01Z")), first.endTime());
        assertEquals(Optional.empty(), first.toolDetails());
        assertEquals(Set.of("confidence"), first.extra().keySet());
        Transcription second = c.transcriptions().get(1);
        assertEquals("lookup", second.toolDetails().orElseThrow().asJsonObject().getString("name"));
        assertEquals(Optional.empty(), second.endTime());
        assertTrue(second.extra().isEmpty());
        assertFalse(c.extra().containsKey("transcriptions"), "transcriptions are a known field");
    }

    @Test
    void pageCarriesPaginationWithThePublicSort() {
        Page<Communication> page = CommunicationsReader.page(json("{'data':[{'id':'a'},{'id':'b'}],"
                + "'pagination':{'limit':2,'page':3,'sort':'-created_at','total_rows':7,'total_pages':4},'status':200}"));
        assertEquals(List.of("a", "b"), page.data().stream().map(Communication::id).toList());
        assertEquals(new Pagination(3, 2, 7, 4, "-createdAt"), page.pagination());
        assertTrue(page.hasNext());
        Page<Communication> last = CommunicationsReader.page(json("{'data':[],'pagination':{'limit':2,'page':5,"
                + "'total_rows':7,'total_pages':4}}"));
        assertFalse(last.hasNext());
        assertEquals(Optional.empty(), last.pagination().sort());
    }

    @Test
    void malformedEnvelopesAreUnexpectedResponses() {
        for (String bad : List.of("{'data':{}}", "{'data':[],'pagination':null}", "{'pagination':{}}",
                "{'data':[],'pagination':{'page':1,'limit':20,'total_rows':'many','total_pages':1}}",
                "{'data':[],'pagination':{'page':0,'limit':20,'total_rows':0,'total_pages':0}}", "{'data':[5],"
                + "'pagination':{'page':1,'limit':20,'total_rows':0,'total_pages':0}}")) {
            WonderfulException e = assertThrows(WonderfulException.class, () -> CommunicationsReader.page(json(bad)), bad);
            assertEquals(ErrorCode.UNEXPECTED_RESPONSE, e.code(), bad);
        }
        assertEquals(ErrorCode.UNEXPECTED_RESPONSE,
                assertThrows(WonderfulException.class, () -> CommunicationsReader.single(json("{'data':[]}"))).code());
    }
}
