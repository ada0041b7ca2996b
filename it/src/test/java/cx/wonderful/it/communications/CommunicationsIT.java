package cx.wonderful.it.communications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.it.support.Deployments;
import cx.wonderful.it.support.Simulator;
import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.communications.Communication;
import cx.wonderful.microprofile.communications.CommunicationType;
import cx.wonderful.microprofile.communications.Direction;
import cx.wonderful.microprofile.communications.ListCommunications;
import cx.wonderful.microprofile.communications.Page;
import cx.wonderful.microprofile.communications.Transcription;
import cx.wonderful.microprofile.communications.WonderfulCommunications;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The communications module inside Liberty against the simulator's seeded history: every filter, sorting, paging
 * to the end and past it, lazy auto-paging as the simulator's journal records it, and reading one record.
 * Expected results come from the simulator's raw list (see {@link SeededHistory}), never from the library.
 */
@ExtendWith(ArquillianExtension.class)
class CommunicationsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("communications", CommunicationsIT.class, SeededHistory.class);
    }

    @Inject
    WonderfulCommunications communications;

    private List<JsonObject> truth;

    @BeforeEach
    void reset() {
        Simulator.reset();
        truth = SeededHistory.all();
        assertTrue(truth.size() > 50, "the simulator seeds a history: " + truth.size());
        Simulator.clearJournal();
    }

    private List<String> everything(ListCommunications.Builder query) {
        return communications.stream(query.limit(100).build()).map(Communication::id).toList();
    }

    private void assertSelects(Predicate<JsonObject> expected, ListCommunications.Builder query, String what) {
        List<String> wanted = SeededHistory.ids(truth, expected);
        assertFalse(wanted.isEmpty(), what + ": the seeded history has matching records");
        assertTrue(wanted.size() < truth.size(), what + ": the filter leaves records out");
        assertEquals(wanted, everything(query), what);
    }

    @Test
    void everyKindOfFilterSelectsExactlyTheMatchingRecords() {
        JsonObject voice = truth.stream().filter(SeededHistory.field("type", "voice")).findFirst().orElseThrow();
        JsonObject email = truth.stream().filter(SeededHistory.field("type", "email")).findFirst().orElseThrow();
        String agent = truth.get(0).getString("agent_id");

        assertSelects(SeededHistory.field("type", "email", "task"),
                ListCommunications.builder().type(CommunicationType.EMAIL, CommunicationType.TASK), "type");
        assertSelects(SeededHistory.field("direction", "outbound"),
                ListCommunications.builder().direction(Direction.OUTBOUND), "direction");
        assertSelects(SeededHistory.field("status", "missed", "failed"),
                ListCommunications.builder().status("missed", "failed"), "status");
        assertSelects(SeededHistory.field("interactor", "human_agent"),
                ListCommunications.builder().interactor("human_agent"), "interactor");
        assertSelects(SeededHistory.field("agent_id", agent), ListCommunications.builder().agentId(agent), "agentId");
        assertSelects(SeededHistory.field("from_number", voice.getString("from_number")),
                ListCommunications.builder().fromNumber(voice.getString("from_number")), "fromNumber");
        assertSelects(SeededHistory.field("from_email", email.getString("from_email")),
                ListCommunications.builder().fromEmail(email.getString("from_email")), "fromEmail");
        assertSelects(SeededHistory.field("type", "voice").and(SeededHistory.field("direction", "inbound"))
                        .and(SeededHistory.field("status", "completed")),
                ListCommunications.builder().type(CommunicationType.VOICE).direction(Direction.INBOUND).status("completed"),
                "filters combined");
    }

    @Test
    void theFiltersGoOnTheWireAsUrlEncodedJsonEncodedOnce() {
        communications.list(ListCommunications.all());
        communications.list(ListCommunications.builder().type(CommunicationType.VOICE).status("missed").limit(5).build());
        List<String> queries = Simulator.journal("/api/v1/communications").stream()
                .filter(e -> e.getString("path").equals("/api/v1/communications"))
                .map(e -> e.getString("query")).toList();
        assertEquals(List.of("filters=%7B%7D&page=1&limit=20",
                "filters=%7B%22type%22%3A%5B%22voice%22%5D%2C%22status%22%3A%5B%22missed%22%5D%7D&page=1&limit=5"), queries);
    }

    @Test
    void theTimeRangeIsInclusiveInWholeSeconds() {
        Instant from = SeededHistory.startTime(truth.get(30));
        Instant to = SeededHistory.startTime(truth.get(10));
        assertSelects(r -> !SeededHistory.startTime(r).isBefore(from) && !SeededHistory.startTime(r).isAfter(to),
                ListCommunications.builder().startDate(from).endDate(to), "startDate..endDate");
        assertSelects(r -> !SeededHistory.startTime(r).isBefore(from),
                ListCommunications.builder().startDate(from.getEpochSecond()), "startDate in epoch seconds");
        assertEquals(List.of(truth.get(10).getString("id")),
                everything(ListCommunications.builder().startDate(to).endDate(to)), "a one-second range");
    }

    @Test
    void sortingOrdersByTheNamedField() {
        List<Communication> byDuration = communications.stream(ListCommunications.builder().limit(100)
                .status("completed").sort("duration").build()).toList();
        List<Duration> durations = byDuration.stream().map(c -> c.duration().orElseThrow()).toList();
        assertEquals(durations.stream().sorted().toList(), durations, "ascending duration");
        assertTrue(durations.stream().distinct().count() > 5);

        Page<Communication> oldestFirst = communications.list(ListCommunications.builder().sort("startTime").limit(5).build());
        List<Instant> starts = truth.stream().map(SeededHistory::startTime).sorted().limit(5).toList();
        assertEquals(starts, oldestFirst.data().stream().map(c -> c.startTime().orElseThrow()).toList());
        assertEquals("startTime", oldestFirst.pagination().sort().orElseThrow(), "the applied sort, in the public form");

        Page<Communication> newestFirst = communications.list(ListCommunications.builder().sort("-createdAt").limit(5).build());
        assertEquals(SeededHistory.ids(truth, r -> true).subList(0, 5),
                newestFirst.data().stream().map(Communication::id).toList());
        assertEquals("-createdAt", newestFirst.pagination().sort().orElseThrow());
    }

    @Test
    void pagingReachesTheLastPageAndAPageBeyondIsEmpty() {
        int limit = 10;
        int expectedPages = (truth.size() + limit - 1) / limit;
        List<String> seen = new ArrayList<>();
        Page<Communication> page = null;
        for (int number = 1; number <= expectedPages; number++) {
            page = communications.list(ListCommunications.builder().limit(limit).page(number).build());
            assertEquals(number, page.pagination().page());
            assertEquals(truth.size(), page.pagination().totalRows());
            assertEquals(expectedPages, page.pagination().totalPages());
            assertEquals(number < expectedPages, page.hasNext());
            page.data().forEach(c -> seen.add(c.id()));
        }
        assertEquals(truth.size() - (expectedPages - 1) * limit, page.data().size(), "the last page holds the rest");
        assertEquals(SeededHistory.ids(truth, r -> true), seen, "every record once, in order");

        Page<Communication> beyond = communications.list(ListCommunications.builder().limit(limit).page(expectedPages + 1).build());
        assertEquals(List.of(), beyond.data());
        assertFalse(beyond.hasNext());
        assertEquals(truth.size(), beyond.pagination().totalRows());
    }

    @Test
    void autoPagingRequestsOnePagePerPageConsumed() {
        Iterator<Communication> records = communications.stream(ListCommunications.builder().limit(10).build()).iterator();
        assertEquals(List.of(), SeededHistory.journaledListPages(), "nothing sent before the first record is needed");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 25; i++) {
            ids.add(records.next().id());
        }
        assertEquals(List.of(1, 2, 3), SeededHistory.journaledListPages(), "25 records of 10 per page: three pages");
        records.forEachRemaining(c -> ids.add(c.id()));
        int pages = (truth.size() + 9) / 10;
        assertTrue(pages > 3);
        assertEquals(IntStream.rangeClosed(1, pages).boxed().toList(), SeededHistory.journaledListPages(),
                "one request per page, none after the last");
        assertEquals(new HashSet<>(SeededHistory.ids(truth, r -> true)), ids);
    }

    @Test
    void getReadsTranscriptionsAndKeepsUnknownFields() {
        JsonObject seeded = truth.get(3);
        Communication c = communications.get(seeded.getString("id"));
        assertEquals(seeded.getString("id"), c.id());
        assertEquals(seeded.getString("type"), c.typeName().orElseThrow());
        assertEquals(SeededHistory.startTime(seeded), c.startTime().orElseThrow());
        assertFalse(c.transcriptions().isEmpty(), "get carries the transcriptions");
        Transcription first = c.transcriptions().get(0);
        assertEquals(c.id(), first.communicationId().orElseThrow());
        assertTrue(first.text().isPresent() && first.speaker().isPresent());
        Set<String> unknown = seeded.keySet().stream().filter(k -> !Set.of("id", "tenant_id", "type", "interactor",
                "direction", "agent_id", "locale", "status", "start_time", "end_time", "duration", "from_number",
                "to_number", "from_email", "sentiment", "summary", "tags", "metadata", "transcriptions").contains(k))
                .collect(Collectors.toSet());
        assertFalse(unknown.isEmpty(), "the simulator seeds fields the contract does not name");
        assertEquals(unknown, c.extra().keySet());
        unknown.forEach(k -> assertEquals(seeded.get(k), c.extra().get(k), k));
    }

    @Test
    void getOfAnUnknownIdIsNotFound() {
        WonderfulException e = assertThrows(WonderfulException.class, () -> communications.get("no-such-communication"));
        assertEquals(ErrorCode.NOT_FOUND, e.code());
        assertEquals(404, e.httpStatus().orElseThrow());
    }
}
