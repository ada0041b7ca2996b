package cx.wonderful.microprofile.chat.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The Chat V3 bodies as JSON-B writes and reads them: snake_case names, nothing for absent fields. */
class ChatV3WireTest {

    private final Jsonb jsonb = JsonbBuilder.create();

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void theCreateBodyCarriesTheAgentTheChannelTheMetadataAndTheParticipants() {
        ChatV3Wire.CreateChat body = new ChatV3Wire.CreateChat("agent-support", "chat", json("{\"name\":\"Dana\"}"),
                "+14155550123", "phone", null, null, "en-US");
        assertEquals(json("{\"agent_id\":\"agent-support\",\"comm_type\":\"chat\",\"metadata\":{\"name\":\"Dana\"},"
                + "\"from\":\"+14155550123\",\"from_type\":\"phone\",\"locale\":\"en-US\"}"), json(jsonb.toJson(body)));
    }

    @Test
    void textAndEndCommandsHaveTheContractShape() {
        assertEquals(json("{\"data\":{\"type\":\"text\",\"text\":\"hi\"}}"), json(jsonb.toJson(ChatV3Wire.Command.text("hi"))));
        assertEquals(json("{\"data\":{\"type\":\"action\",\"action\":{\"type\":\"end\"}}}"), json(jsonb.toJson(ChatV3Wire.Command.end())));
    }

    @Test
    void theCreateAnswerIsRead() {
        ChatV3Wire.Created created = jsonb.fromJson("{\"data\":{\"session_id\":\"c-1\",\"cursor\":\"0-0\",\"extra\":1}}", ChatV3Wire.Created.class);
        assertEquals("c-1", created.data().sessionId());
        assertEquals("0-0", created.data().cursor());
    }
}
