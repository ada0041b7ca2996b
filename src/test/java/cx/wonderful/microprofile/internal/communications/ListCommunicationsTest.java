package cx.wonderful.microprofile.internal.communications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.communications.CommunicationType;
import cx.wonderful.microprofile.communications.Direction;
import cx.wonderful.microprofile.communications.ListCommunications;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ListCommunicationsTest {

    private static WonderfulException invalid(Executable action) {
        WonderfulException e = assertThrows(WonderfulException.class, action);
        assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
        assertTrue(e.httpStatus().isEmpty(), "no HTTP status: nothing was sent");
        return e;
    }

    @Test
    void defaultsArePageOneOfTwentyWithoutFiltersOrSort() {
        ListCommunications query = ListCommunications.all();
        assertEquals(1, query.page());
        assertEquals(20, query.limit());
        assertEquals(Optional.empty(), query.sort());
        assertEquals(List.of(), query.types());
        assertEquals(Optional.empty(), query.agentId());
        assertEquals(Optional.empty(), query.startDate());
    }

    @Test
    void pageStartsAtOne() {
        invalid(() -> ListCommunications.builder().page(0));
        invalid(() -> ListCommunications.builder().page(-5));
        assertEquals(1, ListCommunications.builder().page(1).build().page());
        assertEquals(Integer.MAX_VALUE, ListCommunications.builder().page(Integer.MAX_VALUE).build().page());
    }

    @Test
    void limitIsBetweenOneAndHundred() {
        WonderfulException low = invalid(() -> ListCommunications.builder().limit(0));
        assertTrue(low.getMessage().contains("between 1 and 100"), low.getMessage());
        assertEquals(1, ListCommunications.builder().limit(1).build().limit());
        assertEquals(100, ListCommunications.builder().limit(100).build().limit());
        invalid(() -> ListCommunications.builder().limit(101));
    }

    @Test
    void sortIsACamelCaseFieldWithOptionalMinus() {
        assertEquals(Optional.of("-createdAt"), ListCommunications.builder().sort("-createdAt").build().sort());
        assertEquals(Optional.of("startTime"), ListCommunications.builder().sort("startTime").build().sort());
        assertEquals(Optional.empty(), ListCommunications.builder().sort("x").sort(null).build().sort());
        WonderfulException snake = invalid(() -> ListCommunications.builder().sort("-created_at"));
        assertTrue(snake.getMessage().contains("-createdAt"), snake.getMessage());
        invalid(() -> ListCommunications.builder().sort(""));
        invalid(() -> ListCommunications.builder().sort("-"));
        invalid(() -> ListCommunications.builder().sort("+createdAt"));
        invalid(() -> ListCommunications.builder().sort("CreatedAt"));
        invalid(() -> ListCommunications.builder().sort("createdAt,desc"));
    }

    @Test
    void datesAreNotBefore1970AndStartIsNotAfterEnd() {
        invalid(() -> ListCommunications.builder().startDate(-1));
        invalid(() -> ListCommunications.builder().endDate(-1));
        invalid(() -> ListCommunications.builder().startDate(Instant.parse("1969-12-31T23:59:59Z")));
        assertEquals(Optional.of(Instant.EPOCH), ListCommunications.builder().startDate(0).build().startDate());

        WonderfulException reversed = invalid(() -> ListCommunications.builder().startDate(1_700_000_001L).endDate(1_700_000_000L).build());
        assertTrue(reversed.getMessage().contains("startDate"), reversed.getMessage());
        ListCommunications same = ListCommunications.builder().startDate(1_700_000_000L).endDate(1_700_000_000L).build();
        assertEquals(same.startDate(), same.endDate());
    }

    @Test
    void instantsWidenTheRangeToWholeSeconds() {
        ListCommunications query = ListCommunications.builder()
                .startDate(Instant.parse("2024-05-01T10:00:00.900Z"))
                .endDate(Instant.parse("2024-05-01T11:00:00.100Z"))
                .build();
        assertEquals(Optional.of(Instant.parse("2024-05-01T10:00:00Z")), query.startDate());
        assertEquals(Optional.of(Instant.parse("2024-05-01T11:00:01Z")), query.endDate());
        ListCommunications exact = ListCommunications.builder().endDate(Instant.parse("2024-05-01T11:00:00Z")).build();
        assertEquals(Optional.of(Instant.parse("2024-05-01T11:00:00Z")), exact.endDate());
    }

    @Test
    void filterValuesMustNotBeNullOrBlank() {
        invalid(() -> ListCommunications.builder().type((CommunicationType[]) null));
        invalid(() -> ListCommunications.builder().type(CommunicationType.CHAT, null));
        invalid(() -> ListCommunications.builder().direction((Direction) null));
        invalid(() -> ListCommunications.builder().status("completed", " "));
        invalid(() -> ListCommunications.builder().status((String) null));
        invalid(() -> ListCommunications.builder().interactor(""));
        invalid(() -> ListCommunications.builder().agentId("  "));
        invalid(() -> ListCommunications.builder().fromNumber("+15550100", null));
        invalid(() -> ListCommunications.builder().fromEmail(""));
        assertEquals(Optional.empty(), ListCommunications.builder().agentId("a").agentId(null).build().agentId());
    }

    @Test
    void settersReplaceAndDropDuplicates() {
        ListCommunications query = ListCommunications.builder()
                .type(CommunicationType.VOICE)
                .type(CommunicationType.CHAT, CommunicationType.EMAIL, CommunicationType.CHAT)
                .status("completed", "completed", "missed")
                .build();
        assertEquals(List.of(CommunicationType.CHAT, CommunicationType.EMAIL), query.types());
        assertEquals(List.of("completed", "missed"), query.statuses());
        assertEquals(List.of(), ListCommunications.builder().type(CommunicationType.CHAT).type().build().types());
    }

    @Test
    void withPageKeepsEverythingElse() {
        ListCommunications query = ListCommunications.builder().type(CommunicationType.TASK).limit(7).sort("-duration")
                .startDate(10).endDate(20).page(2).build();
        ListCommunications third = query.withPage(3);
        assertEquals(3, third.page());
        assertEquals(query, third.toBuilder().page(2).build());
        invalid(() -> query.withPage(0));
    }

    @Test
    void enumParsingNamesTheAcceptedValues() {
        assertEquals(CommunicationType.VOICE, CommunicationType.parse("Voice"));
        assertEquals(Direction.OUTBOUND, Direction.parse("OUTBOUND"));
        WonderfulException type = invalid(() -> CommunicationType.parse("sms"));
        assertTrue(type.getMessage().contains("voice, chat, email, task"), type.getMessage());
        invalid(() -> Direction.parse(null));
        assertEquals(Optional.empty(), CommunicationType.fromWire("sms"));
    }
}
