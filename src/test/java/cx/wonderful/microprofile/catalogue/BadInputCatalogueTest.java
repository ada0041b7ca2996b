package cx.wonderful.microprofile.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.auth.SignRequest;
import cx.wonderful.microprofile.auth.WonderfulAuth;
import cx.wonderful.microprofile.chat.ChatSession;
import cx.wonderful.microprofile.chat.ChatStatus;
import cx.wonderful.microprofile.chat.ParticipantType;
import cx.wonderful.microprofile.chat.StartChat;
import cx.wonderful.microprofile.chat.WonderfulChat;
import cx.wonderful.microprofile.communications.CommunicationType;
import cx.wonderful.microprofile.communications.Direction;
import cx.wonderful.microprofile.communications.ListCommunications;
import cx.wonderful.microprofile.communications.WonderfulCommunications;
import cx.wonderful.microprofile.internal.RecordingServer.Reply;
import cx.wonderful.microprofile.internal.RecordingServer;
import cx.wonderful.microprofile.internal.Setting;
import cx.wonderful.microprofile.internal.communications.LibraryContainer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input catalogue (issue 11): every public entry point, fed what a hostile or careless caller sends. Each
 * case asserts the typed error AND that the server (a recording one, in place of the journal) saw no request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCatalogueTest {

    private static final String API_KEY = "catalogue-api-key-0123456789";
    private static final String HUGE = "x".repeat(1 << 20);
    /** Ids a URL path must never get: the ones that broke it, and their relatives. */
    static final List<String> BAD_IDS = List.of("", " ", "a/b", "../../jwt/sign", "..", ".", "%2F", "a%2Fb", "a?b", "a#b",
            "a\r\nb", "a\u0000", "x".repeat(129), HUGE, " id", "id ", "a\\b", "\u00e9t\u00e9", "a\tb");

    private RecordingServer server;
    private LibraryContainer beans;
    private WonderfulChat chat;
    private WonderfulCommunications communications;
    private WonderfulAuth auth;
    private ChatSession ended;

    /** One case: what is called, and the code it must fail with. */
    interface Call {
        Object run() throws Exception;
    }

    @BeforeAll
    void start() throws Exception {
        server = new RecordingServer(r -> Reply.json(200,
                "{\"data\":{\"cursor\":\"1-0\",\"has_more\":false,\"events\":[{\"type\":\"communication_ended\"}]}}"));
        beans = new LibraryContainer(Map.of(Setting.BASE_URL.key(), server.uri().toString(), Setting.API_KEY.key(), API_KEY,
                Setting.WORKSPACE_ID.key(), "ws-acme", Setting.AGENT_ID.key(), "agent-support", Setting.RETRY_DELAY.key(), "10ms"), true);
        chat = beans.bean(WonderfulChat.class);
        communications = beans.bean(WonderfulCommunications.class);
        auth = beans.bean(WonderfulAuth.class);
        ended = chat.recover("s-ended");   // one history read: a session to send to
        assertEquals(ChatStatus.ENDED, ended.status());
    }

    @AfterAll
    void stop() {
        beans.close();
        server.close();
    }

    @BeforeEach
    void clearRequests() {
        server.clearRequests();
    }

    Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        // communications.get / getAsync: ids that would break a path
        for (String id : withNull(BAD_IDS)) {
            cases.add(validation("communications.get(" + shown(id) + ")", () -> communications.get(id)));
            cases.add(validation("communications.getAsync(" + shown(id) + ")", () -> communications.getAsync(id)));
        }
        // chat.recover / recoverAsync: session ids and agent ids
        for (String id : withNull(BAD_IDS)) {
            cases.add(validation("chat.recover(" + shown(id) + ")", () -> chat.recover(id)));
        }
        for (String id : List.of("..", "a/b", "a b", "a\n", "%2e%2e", "")) {
            cases.add(validation("chat.recover(s-1, agent " + shown(id) + ")", () -> chat.recover("s-1", id, null, null)));
            cases.add(validation("chat.recoverAsync(s-1, agent " + shown(id) + ")", () -> chat.recoverAsync("s-1", id, null, null)));
        }
        // chat.start
        cases.add(validation("chat.start(null)", () -> chat.start(null)));
        cases.add(Arguments.of("chat.start(no from)", ErrorCode.MISSING_PARTICIPANT,
                (Call) () -> chat.start(StartChat.builder().fromType(ParticipantType.PHONE).build())));
        cases.add(Arguments.of("chat.start(blank from)", ErrorCode.MISSING_PARTICIPANT,
                (Call) () -> chat.start(StartChat.builder().from("  ").fromType(ParticipantType.PHONE).build())));
        cases.add(Arguments.of("chat.start(no fromType)", ErrorCode.MISSING_PARTICIPANT,
                (Call) () -> chat.start(StartChat.builder().from("+15551234567").build())));
        cases.add(validation("chat.start(fromType fax)", () -> chat.start(StartChat.builder().from("+15551234567").fromType("fax").build())));
        cases.add(validation("chat.start(phone without country code)", () -> chat.start(phone("5551234567"))));
        cases.add(validation("chat.start(phone with CR/LF)", () -> chat.start(phone("+1555123\r\n4567"))));
        cases.add(validation("chat.start(phone huge)", () -> chat.start(phone("+1" + "5".repeat(100)))));
        cases.add(validation("chat.start(bad email)", () -> chat.start(StartChat.from("not-an-address", ParticipantType.EMAIL))));
        cases.add(validation("chat.start(email with NUL)", () -> chat.start(StartChat.from("a\u0000@b.example", ParticipantType.EMAIL))));
        cases.add(validation("chat.start(name with NUL)", () -> chat.start(StartChat.from("Ann\u0000", ParticipantType.NAME))));
        cases.add(validation("chat.start(name huge)", () -> chat.start(StartChat.from(HUGE, ParticipantType.NAME))));
        cases.add(validation("chat.start(locale ??)", () -> chat.start(base().locale("??").build())));
        cases.add(validation("chat.start(locale en_US)", () -> chat.start(base().locale("en_US").build())));
        cases.add(validation("chat.start(to without toType)", () -> chat.start(base().to("+15557654321").build())));
        for (String id : List.of("..", ".", "a/b", "a?b", "a#b", "%2F", "a\r\nb", "", " ")) {
            cases.add(validation("chat.start(agent " + shown(id) + ")", () -> chat.start(base().agentId(id).build())));
        }
        cases.add(validation("chat.start(gender robot)", () -> chat.start(base().metadata("gender", "robot").build())));
        cases.add(validation("chat.start(platform 1)", () -> chat.start(base().metadata("platform", 1).build())));
        cases.add(validation("chat.start(metadata 1 MB)", () -> chat.start(base().metadata("note", HUGE).build())));
        cases.add(validation("chat.start(metadata key blank)", () -> chat.start(base().metadata(" ", "v").build())));
        cases.add(validation("chat.start(metadata key huge)", () -> chat.start(base().metadata("k".repeat(500), "v").build())));
        cases.add(validation("chat.start(metadata key CR/LF)", () -> chat.start(base().metadata("a\r\nb", "v").build())));
        cases.add(validation("chat.start(metadata key reserved)", () -> chat.start(base().metadata("from", "x").build())));
        cases.add(validation("chat.start(metadata not JSON)", () -> chat.start(base().metadata("x", new Object()).build())));
        cases.add(validation("chat.startAsync(metadata 1 MB)", () -> chat.startAsync(base().metadata("note", HUGE).build())));
        // session.send
        for (String text : new String[] {null, "", "   ", "\n\t", "hello\u0000", "\u0000", "a\u001bb", "a\u007fb",
            "x".repeat(4097), HUGE, "a\ud800"}) {
            cases.add(validation("session.send(" + shown(text) + ")", () -> ended.send(text)));
        }
        // communications.list / listAsync / stream and the query's builder
        cases.add(validation("communications.list(null)", () -> communications.list(null)));
        cases.add(validation("communications.listAsync(null)", () -> communications.listAsync(null)));
        cases.add(validation("communications.stream(null)", () -> communications.stream(null)));
        cases.add(validation("page 0", () -> ListCommunications.builder().page(0)));
        cases.add(validation("page -1", () -> ListCommunications.builder().page(-1)));
        cases.add(validation("page MIN_VALUE", () -> ListCommunications.builder().page(Integer.MIN_VALUE)));
        cases.add(validation("limit 0", () -> ListCommunications.builder().limit(0)));
        cases.add(validation("limit 101", () -> ListCommunications.builder().limit(101)));
        cases.add(validation("limit MAX_VALUE", () -> ListCommunications.builder().limit(Integer.MAX_VALUE)));
        for (String sort : List.of("created_at", "", "-", "--createdAt", "a b", "createdAt;drop", "-createdAt\n")) {
            cases.add(validation("sort " + shown(sort), () -> ListCommunications.builder().sort(sort)));
        }
        cases.add(validation("startDate -1", () -> ListCommunications.builder().startDate(-1)));
        cases.add(validation("endDate before 1970", () -> ListCommunications.builder().endDate(Instant.parse("1969-12-31T23:59:59Z"))));
        cases.add(validation("start after end", () -> ListCommunications.builder().startDate(200).endDate(100).build()));
        cases.add(validation("type null array", () -> ListCommunications.builder().type((CommunicationType[]) null)));
        cases.add(validation("type null value", () -> ListCommunications.builder().type(CommunicationType.CHAT, null)));
        cases.add(validation("direction null value", () -> ListCommunications.builder().direction((Direction) null)));
        cases.add(validation("status blank", () -> ListCommunications.builder().status(" ")));
        cases.add(validation("status NUL", () -> ListCommunications.builder().status("missed\u0000")));
        cases.add(validation("status CR/LF", () -> ListCommunications.builder().status("a\r\nb")));
        cases.add(validation("status huge", () -> ListCommunications.builder().status(HUGE)));
        cases.add(validation("status 101 values", () -> ListCommunications.builder().status(
                java.util.stream.IntStream.range(0, 101).mapToObj(i -> "s" + i).toArray(String[]::new))));
        cases.add(validation("interactor null array", () -> ListCommunications.builder().interactor((String[]) null)));
        cases.add(validation("agentId filter blank", () -> ListCommunications.builder().agentId("")));
        cases.add(validation("agentId filter control", () -> ListCommunications.builder().agentId("a\u0007")));
        cases.add(validation("fromNumber CR/LF", () -> ListCommunications.builder().fromNumber("+1555\r\n")));
        cases.add(validation("fromEmail huge", () -> ListCommunications.builder().fromEmail(HUGE)));
        // auth
        cases.add(validation("auth.sign(null)", () -> auth.sign(null)));
        cases.add(validation("auth.signAsync(null)", () -> auth.signAsync(null)));
        cases.add(validation("sign expiresIn 59", () -> SignRequest.builder().expiresInSeconds(59).build()));
        cases.add(validation("sign expiresIn 86401", () -> SignRequest.builder().expiresInSeconds(86_401).build()));
        cases.add(validation("sign expiresIn negative", () -> SignRequest.builder().expiresIn(Duration.ofSeconds(-1)).build()));
        cases.add(validation("sign id not a UUID", () -> SignRequest.builder().id("not-a-uuid").build()));
        cases.add(validation("sign id with CR/LF", () -> SignRequest.builder().id("3f2c1b9e-7d0a-4c55-9e1f-0a1b2c3d4e5f\r\n").build()));
        cases.add(validation("sign metadata 1 MB", () -> SignRequest.builder().metadata(Map.of("note", HUGE)).build()));
        for (String token : new String[] {null, "", "  ", "a b", "a\r\nb", "tok\u0000en"}) {
            cases.add(validation("auth.setToken(" + shown(token) + ")", () -> {
                auth.setToken(token);
                return null;
            }));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedTypedBeforeAnyRequest(String name, ErrorCode expected, Call call) {
        WonderfulException error = assertThrows(WonderfulException.class, () -> settle(call.run()), name);
        assertEquals(expected, error.code(), name + ": " + error.getMessage());
        assertEquals(List.of(), server.requests(), name + ": nothing may be sent");
        assertTrue(error.getMessage().length() < 1_000, name + ": a bounded message");
    }

    @org.junit.jupiter.api.Test
    void theCatalogueHasAtLeastEightyCases() {
        assertTrue(cases().count() >= 80, "cases: " + cases().count());
    }

    /** A stage's failure as its exception; a stream's, at its terminal operation. */
    private static void settle(Object result) throws Exception {
        if (result instanceof CompletionStage<?> stage) {
            try {
                stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | CompletionException e) {
                if (e.getCause() instanceof WonderfulException wonderful) {
                    throw wonderful;
                }
                throw e;
            }
        } else if (result instanceof Stream<?> stream) {
            stream.findFirst();
        }
    }

    private static Arguments validation(String name, Call call) {
        return Arguments.of(name, ErrorCode.VALIDATION_ERROR, call);
    }

    private static StartChat.Builder base() {
        return StartChat.builder().from("+15551234567").fromType(ParticipantType.PHONE);
    }

    private static StartChat phone(String number) {
        return StartChat.from(number, ParticipantType.PHONE);
    }

    private static List<String> withNull(List<String> values) {
        List<String> all = new ArrayList<>(values);
        all.add(null);
        return all;
    }

    private static String shown(String value) {
        if (value == null) {
            return "null";
        }
        String escaped = value.length() > 40 ? value.substring(0, 10) + "...(" + value.length() + " chars)" : value;
        StringBuilder out = new StringBuilder("\"");
        escaped.chars().forEach(c -> out.append(c < 32 || c == 127 ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.append('"').toString();
    }
}
