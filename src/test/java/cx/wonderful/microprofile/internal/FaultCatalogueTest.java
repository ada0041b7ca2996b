package cx.wonderful.microprofile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.internal.RecordingServer.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault catalogue (issue 11), on the runtime's real rest client (RESTEasy here) and the library's invoker: for
 * each kind of call the library makes (by its operation name, so by the policy it really gets) and each fault, the
 * call ends in success or a typed error within a stated bound, after exactly the number of requests the retry
 * policy allows (so a message is never sent twice, and the engine's own retries do not multiply the count).
 */
class FaultCatalogueTest {

    private static final int MAX_RETRIES = 2;
    /** Every case ends within this, whatever the fault: timeouts of 300 ms, backoff of 20 ms, at most 3 attempts. */
    private static final Duration BOUND = Duration.ofSeconds(20);
    /** Whether the rest client runs on Jersey, whose default connector is the JDK's HttpURLConnection. */
    private static final boolean ON_JDK_CONNECTION = org.eclipse.microprofile.rest.client.RestClientBuilder.newBuilder()
            .getClass().getName().startsWith("org.glassfish.jersey.");
    private static final String API_KEY = "fault-catalogue-key-0123456789";
    private static final JsonObject BODY = Json.createObjectBuilder().add("text", "hello").build();

    /** A call the library makes: its operation name, and whether it travels as a GET (a read) or a POST. */
    enum CallKind {
        SIGN("auth.sign", false), CHAT_CREATE("chat.start", false), SEND("chat.send", false), END("chat.end", false),
        RECOVER("chat.recover", true), LIST("communications.list", true), GET("communications.get", true);

        final String operation;
        final boolean read;

        CallKind(String operation, boolean read) {
            this.operation = operation;
            this.read = read;
        }

        RetryPolicy.Kind policy() {
            return this == SEND ? RetryPolicy.Kind.AT_MOST_ONCE : RetryPolicy.kindOf(operation);
        }
    }

    enum Fault { HTTP_500, HTTP_502, HTTP_503, HTTP_429, DELAY_PAST_TIMEOUT, RESET, UNAUTHORIZED_STORM }

    private RecordingServer server;
    private ResettingServer resetting;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (resetting != null) {
            resetting.close();
        }
        TestConfigs.releaseGlobal();
    }

    static Stream<Arguments> persistentFaults() {
        List<Arguments> cases = new ArrayList<>();
        for (CallKind kind : CallKind.values()) {
            for (Fault fault : Fault.values()) {
                cases.add(Arguments.of(kind, fault));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} under a persistent {1}")
    @MethodSource("persistentFaults")
    void aPersistentFaultEndsInATypedErrorAfterThePolicysRequests(CallKind kind, Fault fault) throws IOException {
        AtomicInteger requests = new AtomicInteger();
        EchoApi api = client(fault, requests);
        Supplier<JsonObject> call = () -> kind.read ? api.read("id-1") : api.echo(BODY);

        WonderfulException error = assertTimeoutPreemptively(BOUND, () -> assertThrows(WonderfulException.class,
                () -> run(kind, call)));

        assertEquals(expectedCode(fault), error.code(), error.getMessage());
        assertRequests(expectedRequests(kind, fault), fault == Fault.RESET ? resetting.requests() : requests.get(),
                fault == Fault.RESET && kind.read, kind + " under " + fault);
        assertFalse(error.getMessage().contains(API_KEY), error.getMessage());
    }

    @ParameterizedTest(name = "{0}, one 503 then success")
    @MethodSource("kinds")
    void aTransient503IsRetriedForReadsOnlyAndNeverDoublesAWrite(CallKind kind) throws IOException {
        AtomicInteger requests = new AtomicInteger();
        server = new RecordingServer(r -> requests.incrementAndGet() == 1
                ? Reply.json(503, "{\"message\":\"busy\"}") : Reply.json(200, "{\"data\":{}}"));
        EchoApi api = client(server.uri());
        Supplier<JsonObject> call = () -> kind.read ? api.read("id-1") : api.echo(BODY);

        if (kind.policy() == RetryPolicy.Kind.READ) {
            assertTimeoutPreemptively(BOUND, () -> run(kind, call));
            assertEquals(2, requests.get());
        } else {
            WonderfulException error = assertThrows(WonderfulException.class, () -> run(kind, call));
            assertEquals(ErrorCode.SERVER_ERROR, error.code());
            assertEquals(1, requests.get(), "a write is reported failed, not sent again");
        }
    }

    static Stream<CallKind> kinds() {
        return Stream.of(CallKind.values());
    }

    @ParameterizedTest(name = "{0}, 429 with Retry-After {1}")
    @MethodSource("retryAfters")
    void retryAfterIsHonouredUpToTheCapAndExposed(String header, long expectedSeconds, boolean retried) throws IOException {
        AtomicInteger requests = new AtomicInteger();
        server = new RecordingServer(r -> requests.incrementAndGet() == 1
                ? Reply.json(429, "{\"message\":\"slow down\"}").withHeader("Retry-After", header)
                : Reply.json(200, "{\"data\":{}}"));
        EchoApi api = client(server.uri());
        List<Duration> waits = new ArrayList<>();
        ApiInvoker invoker = new ApiInvoker(new FixedCredential(new Credential(CredentialKind.API_KEY, API_KEY)),
                new RetryPolicy(MAX_RETRIES, Backoff.from(Duration.ofMillis(20)), WireContract.RETRY_AFTER_CAP), delay -> {
                    waits.add(delay);
                    return CompletableFuture.completedFuture(null);
                }, new AsyncExecutor(), List.of(API_KEY));

        if (retried) {
            invoker.invoke("communications.list", () -> api.read("x"));
            assertEquals(List.of(Duration.ofSeconds(expectedSeconds)), waits);
            assertEquals(2, requests.get());
        } else {
            WonderfulException error = assertThrows(WonderfulException.class,
                    () -> invoker.invoke("communications.list", () -> api.read("x")));
            assertEquals(ErrorCode.RATE_LIMITED, error.code());
            long asked = error.retryAfter().orElseThrow().toSeconds();
            assertTrue(asked >= expectedSeconds - 2 && asked <= expectedSeconds + 1, "Retry-After read as " + asked + " s");
            assertEquals(1, requests.get(), "a Retry-After past the cap is the caller's to honour");
        }
    }

    static Stream<Arguments> retryAfters() {
        return Stream.of(Arguments.of("2", 2L, true), Arguments.of("0", 0L, true), Arguments.of("3600", 3600L, false),
                Arguments.of(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusHours(2)), 7199L, false));
    }

    @org.junit.jupiter.api.Test
    void theEncodedQueryClientOfTheListReadsSendsOneRequestPerAttemptToo() throws IOException {
        resetting = new ResettingServer();
        Config config = TestConfigs.of(Setting.BASE_URL.key(), resetting.uri().toString(), Setting.API_KEY.key(), API_KEY,
                Setting.REQUEST_TIMEOUT.key(), "1s");
        FixedCredential key = new FixedCredential(new Credential(CredentialKind.API_KEY, API_KEY));
        EncodedQueryClient client = new RestClients(config, WonderfulSettings.from(config), key)
                .encodedQueryClient(EchoApi.class, "echo");
        ApiInvoker invoker = invoker();
        try {
            WonderfulException error = assertTimeoutPreemptively(BOUND, () -> assertThrows(WonderfulException.class,
                    () -> invoker.invoke("communications.list", () -> client.get("/api/v1/communications", "page=1"))));
            assertEquals(ErrorCode.NETWORK_ERROR, error.code(), error.getMessage());
            assertRequests(MAX_RETRIES + 1, resetting.requests(), true, "the list read under resets");
        } finally {
            invoker.close();
        }
    }

    @org.junit.jupiter.api.Test
    void anAsynchronousRetryHoldsNoThreadAndCompletes() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        server = new RecordingServer(r -> requests.incrementAndGet() <= 2
                ? Reply.json(503, "{}") : Reply.json(200, "{\"data\":{\"n\":1}}"));
        EchoApi api = client(server.uri());
        ApiInvoker invoker = invoker();
        JsonObject answer = invoker.invokeAsync("communications.get", () -> api.read("x")).toCompletableFuture()
                .get(BOUND.toSeconds(), TimeUnit.SECONDS);
        assertEquals(1, answer.getJsonObject("data").getInt("n"));
        assertEquals(3, requests.get());
        invoker.close();
    }

    /**
     * {@code reached} is {@code expected}; for a GET cut by a reset on the JDK's HttpURLConnection (Jersey's default
     * connector), which sends a failed GET once more by itself, between {@code expected} and twice that.
     */
    private static void assertRequests(int expected, int reached, boolean getUnderReset, String what) {
        if (getUnderReset && ON_JDK_CONNECTION) {
            assertTrue(reached >= expected && reached <= 2 * expected, what + ": " + reached + " requests");
        } else {
            assertEquals(expected, reached, what + ": requests that reached the server");
        }
    }

    private Object run(CallKind kind, Supplier<JsonObject> call) {
        ApiInvoker invoker = invoker();
        try {
            return kind == CallKind.SEND ? invoker.invokeAtMostOnce(kind.operation, call) : invoker.invoke(kind.operation, call);
        } finally {
            invoker.close();
        }
    }

    private ApiInvoker invoker() {
        return new ApiInvoker(new FixedCredential(new Credential(CredentialKind.API_KEY, API_KEY)),
                new RetryPolicy(MAX_RETRIES, Backoff.from(Duration.ofMillis(20)), WireContract.RETRY_AFTER_CAP),
                new RetryTimer(), new AsyncExecutor(), List.of(API_KEY));
    }

    private EchoApi client(Fault fault, AtomicInteger requests) throws IOException {
        if (fault == Fault.RESET) {
            resetting = new ResettingServer();
            return client(resetting.uri());
        }
        server = new RecordingServer(r -> {
            requests.incrementAndGet();
            return switch (fault) {
                case HTTP_500 -> Reply.json(500, "{\"message\":\"boom\"}");
                case HTTP_502 -> Reply.json(502, "");
                case HTTP_503 -> Reply.json(503, "{\"detail\":\"maintenance\"}");
                case HTTP_429 -> Reply.json(429, "{\"data\":{\"message\":\"slow down, " + API_KEY + "\"}}");
                case UNAUTHORIZED_STORM -> Reply.json(401, "{\"message\":\"invalid x-api-key: " + API_KEY + "\"}");
                case DELAY_PAST_TIMEOUT -> {
                    try {
                        Thread.sleep(2_500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    yield Reply.json(200, "{\"data\":{}}");
                }
                case RESET -> throw new IllegalStateException();
            };
        });
        return client(server.uri());
    }

    private static EchoApi client(URI base) {
        Config config = TestConfigs.of(Setting.BASE_URL.key(), base.toString(), Setting.API_KEY.key(), API_KEY,
                Setting.REQUEST_TIMEOUT.key(), "1s");
        return new RestClients(config, WonderfulSettings.from(config),
                new FixedCredential(new Credential(CredentialKind.API_KEY, API_KEY))).create(EchoApi.class, "echo");
    }

    private static ErrorCode expectedCode(Fault fault) {
        return switch (fault) {
            case HTTP_500, HTTP_502, HTTP_503 -> ErrorCode.SERVER_ERROR;
            case HTTP_429 -> ErrorCode.RATE_LIMITED;
            case DELAY_PAST_TIMEOUT, RESET -> ErrorCode.NETWORK_ERROR;
            case UNAUTHORIZED_STORM -> ErrorCode.UNAUTHORIZED;
        };
    }

    /** The policy's request count for a fault that never goes away: the README's retry table, as numbers. */
    private static int expectedRequests(CallKind kind, Fault fault) {
        RetryPolicy.Kind policy = kind.policy();
        return switch (fault) {
            case HTTP_500, UNAUTHORIZED_STORM -> 1;
            case HTTP_502, HTTP_503, HTTP_429 -> policy == RetryPolicy.Kind.READ ? MAX_RETRIES + 1 : 1;
            case DELAY_PAST_TIMEOUT, RESET -> policy == RetryPolicy.Kind.AT_MOST_ONCE ? 1 : MAX_RETRIES + 1;
        };
    }
}
