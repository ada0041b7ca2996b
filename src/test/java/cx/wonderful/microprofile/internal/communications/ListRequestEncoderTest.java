package cx.wonderful.microprofile.internal.communications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cx.wonderful.microprofile.communications.CommunicationType;
import cx.wonderful.microprofile.communications.Direction;
import cx.wonderful.microprofile.communications.ListCommunications;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ListRequestEncoderTest {

    @Test
    void noFiltersIsAnEmptyObject() {
        assertEquals("{}", ListRequestEncoder.filters(ListCommunications.all()));
        assertNull(ListRequestEncoder.sort(ListCommunications.all()));
    }

    @Test
    void everyFilterHasItsSnakeCaseKeyInTheContractOrder() {
        ListCommunications query = ListCommunications.builder()
                .endDate(Instant.parse("2024-05-02T00:00:00Z"))
                .fromEmail("ann@example.com")
                .fromNumber("+15550100", "+442071234567")
                .agentId("agent-support")
                .interactor("bot", "human")
                .status("completed", "in-progress")
                .direction(Direction.INBOUND)
                .type(CommunicationType.VOICE, CommunicationType.CHAT)
                .startDate(Instant.parse("2024-05-01T00:00:00Z"))
                .build();
        assertEquals("{\"type\":[\"voice\",\"chat\"],\"direction\":[\"inbound\"],"
                + "\"status\":[\"completed\",\"in-progress\"],\"interactor\":[\"bot\",\"human\"],"
                + "\"agent_id\":\"agent-support\",\"from_number\":[\"+15550100\",\"+442071234567\"],"
                + "\"from_email\":[\"ann@example.com\"],\"startDate\":1714521600,\"endDate\":1714608000}",
                ListRequestEncoder.filters(query));
    }

    @Test
    void textIsEscapedAsJson() {
        ListCommunications query = ListCommunications.builder().status("a\"b\\c").build();
        assertEquals("{\"status\":[\"a\\\"b\\\\c\"]}", ListRequestEncoder.filters(query));
    }

    @Test
    void sortTravelsInSnakeCaseAndComesBackInCamelCase() {
        assertEquals("-created_at", ListRequestEncoder.sort(ListCommunications.builder().sort("-createdAt").build()));
        assertEquals("start_time", ListRequestEncoder.toWireSort("startTime"));
        assertEquals("duration", ListRequestEncoder.toWireSort("duration"));
        assertEquals("-createdAt", ListRequestEncoder.fromWireSort("-created_at"));
        assertEquals("fromNumber", ListRequestEncoder.fromWireSort("from_number"));
        assertEquals("-startTime", ListRequestEncoder.fromWireSort("-startTime"));
    }
}
