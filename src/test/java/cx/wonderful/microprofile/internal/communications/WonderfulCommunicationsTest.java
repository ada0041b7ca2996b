package cx.wonderful.microprofile.internal.communications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.communications.Communication;
import cx.wonderful.microprofile.communications.CommunicationType;
import cx.wonderful.microprofile.communications.ListCommunications;
import cx.wonderful.microprofile.communications.Page;
import cx.wonderful.microprofile.communications.Pagination;
import cx.wonderful.microprofile.communications.WonderfulCommunications;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bean with the library's real plumbing, against an in-process communications API. */
class WonderfulCommunicationsTest {

    private static final String API_KEY = "sk-test-0123456789abcdef";

    private HistoryServer server;
    private LibraryContainer container;
    private WonderfulCommunications communications;

    @BeforeEach
    void start() throws Exception {
        server = new HistoryServer(HistoryServer.numbered(23));
        container = new LibraryContainer(Map.of("wonderful.base-url", server.uri().toString(),
                "wonderful.api-key", API_KEY, "wonderful.tenant-id", "acme", "wonderful.max-retries", "0"));
        communications = container.bean(WonderfulCommunications.class);
    }

    @AfterEach
    void stop() {
        container.close();
        server.close();
    }

    @Test
    void listSendsTheQueryOnTheWireAndMapsThePage() {
        Page<Communication> page = communications.list(ListCommunications.builder()
                .type(CommunicationType.CHAT, CommunicationType.TASK).agentId("agent-support")
                .startDate(Instant.ofEpochSecond(1_714_500_000L)).page(2).limit(3).sort("-startTime").build());

        HistoryServer.Seen request = server.seen().get(0);
        assertEquals("/api/v1/communications", request.path());
        assertEquals("{\"type\":[\"chat\",\"task\"],\"agent_id\":\"agent-support\",\"startDate\":1714500000}",
                request.params().get("filters"));
        assertTrue(("&" + request.rawQuery() + "&").contains("&filters=%7B%22type%22%3A%5B%22chat%22%2C%22task%22%5D%2C"
                + "%22agent_id%22%3A%22agent-support%22%2C%22startDate%22%3A1714500000%7D&"),
                "filters must be the URL-encoded JSON, encoded once: " + request.rawQuery());
        assertEquals("2", request.params().get("page"));
        assertEquals("3", request.params().get("limit"));
        assertEquals("-start_time", request.params().get("sort"));
        assertEquals(API_KEY, request.headers().get("x-api-key"));
        assertEquals("acme", request.headers().get("x-tenant-id"));

        // chat and task records are the 11 even ones c-2, c-4, ..., c-22: page 2 of 3 holds c-8, c-10, c-12
        assertEquals(List.of("c-8", "c-10", "c-12"), page.data().stream().map(Communication::id).toList());
        assertEquals(new Pagination(2, 3, 11, 4, "-startTime"), page.pagination());
        assertTrue(page.hasNext());
        assertEquals("x8", page.data().get(0).extra().get("custom_field").toString().replace("\"", ""));
    }

    @Test
    void noFiltersSendsAnEmptyObjectAndNoSort() {
        communications.list(ListCommunications.all());
        HistoryServer.Seen request = server.seen().get(0);
        assertEquals("{}", request.params().get("filters"));
        assertTrue(("&" + request.rawQuery() + "&").contains("&filters=%7B%7D&"), request.rawQuery());
        assertEquals("1", request.params().get("page"));
        assertEquals("20", request.params().get("limit"));
        assertFalse(request.params().containsKey("sort"));
    }

    @Test
    void aPagePastTheLastIsEmpty() {
        Page<Communication> page = communications.list(ListCommunications.builder().limit(10).page(4).build());
        assertEquals(List.of(), page.data());
        assertEquals(3, page.pagination().totalPages());
        assertFalse(page.hasNext());
    }

    @Test
    void streamFetchesOnePagePerPageConsumed() {
        Iterator<Communication> all = communications.stream(ListCommunications.builder().limit(5).build()).iterator();
        assertEquals(0, server.seen().size(), "nothing is sent before the first record is needed");
        for (int i = 1; i <= 6; i++) {
            assertEquals("c-" + i, all.next().id());
        }
        assertEquals(2, server.seen().size());
        int count = 6;
        while (all.hasNext()) {
            all.next();
            count++;
        }
        assertEquals(23, count);
        assertEquals(List.of("1", "2", "3", "4", "5"), server.seen().stream().map(s -> s.params().get("page")).toList());
    }

    @Test
    void streamKeepsTheFiltersOnEveryPage() {
        List<String> emails = communications.stream(ListCommunications.builder().type(CommunicationType.EMAIL).limit(2).build())
                .map(Communication::id).toList();
        assertEquals(List.of("c-3", "c-7", "c-11", "c-15", "c-19", "c-23"), emails);
        assertEquals(3, server.seen().size());
        server.seen().forEach(s -> assertEquals("{\"type\":[\"email\"]}", s.params().get("filters")));
    }

    @Test
    void getReadsOneCommunicationWithItsTranscriptions() {
        Communication c = communications.get("c-5");
        assertEquals("/api/v1/communications/c-5", server.seen().get(0).path());
        assertEquals("c-5", c.id());
        assertEquals(2, c.transcriptions().size());
        assertEquals("Hi, how can I help?", c.transcriptions().get(1).text().orElseThrow());
        assertEquals(Instant.parse("2024-05-01T10:00:02Z"), c.transcriptions().get(1).startTime().orElseThrow());
    }

    @Test
    void getOfAnUnknownIdIsNotFound() {
        WonderfulException e = assertThrows(WonderfulException.class, () -> communications.get("nope"));
        assertEquals(ErrorCode.NOT_FOUND, e.code());
        assertEquals(OptionalInt.of(404), e.httpStatus());
    }

    @Test
    void badInputSendsNothing() {
        assertEquals(ErrorCode.VALIDATION_ERROR, assertThrows(WonderfulException.class, () -> communications.list(null)).code());
        assertEquals(ErrorCode.VALIDATION_ERROR, assertThrows(WonderfulException.class, () -> communications.get(" ")).code());
        assertEquals(ErrorCode.VALIDATION_ERROR, assertThrows(WonderfulException.class, () -> communications.stream(null)).code());
        CompletionException async = assertThrows(CompletionException.class,
                () -> communications.getAsync(null).toCompletableFuture().join());
        assertEquals(ErrorCode.VALIDATION_ERROR, ((WonderfulException) async.getCause()).code());
        assertEquals(List.of(), server.seen());
    }

    @Test
    void asyncVariantsGiveTheSameResults() throws Exception {
        Page<Communication> page = communications.listAsync(ListCommunications.builder().limit(4).build())
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertEquals(List.of("c-1", "c-2", "c-3", "c-4"), page.data().stream().map(Communication::id).toList());
        assertEquals("c-9", communications.getAsync("c-9").toCompletableFuture().get(30, TimeUnit.SECONDS).id());
        CompletionException missing = assertThrows(CompletionException.class,
                () -> communications.getAsync("missing").toCompletableFuture().join());
        assertEquals(ErrorCode.NOT_FOUND, ((WonderfulException) missing.getCause()).code());
    }

    @Test
    void aRefusedApiKeyIsUnauthorizedAndNeverShown() {
        server.refuse(401, "{\"message\":\"invalid API key\",\"error\":\"UNAUTHORIZED\"}");
        WonderfulException e = assertThrows(WonderfulException.class, () -> communications.list(ListCommunications.all()));
        assertEquals(ErrorCode.UNAUTHORIZED, e.code());
        assertEquals(OptionalInt.of(401), e.httpStatus());
        assertFalse(e.getMessage().contains(API_KEY));
        assertFalse(e.toString().contains(API_KEY));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            assertFalse(String.valueOf(cause.getMessage()).contains(API_KEY), cause.toString());
        }
    }
}
