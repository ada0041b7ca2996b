package cx.wonderful.microprofile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.internal.RecordingServer.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The invoker and the rest client factory against a real HTTP server on 127.0.0.1, through RESTEasy's MP client. */
class ApiInvokerTest {

    private static final String API_KEY = "test-api-key-0123456789";
    private static final String TOKEN_A = "token-aaaaaaaaaaaaaaaa";
    private static final String TOKEN_B = "token-bbbbbbbbbbbbbbbb";
    private static final JsonObject BODY = Json.createObjectBuilder().add("text", "hello").add("n", 1).build();

    private RecordingServer server;
    private final List<Long> sleeps = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        TestConfigs.releaseGlobal();
    }

    /** Hands out a fixed credential and, after a 401, the next one; counts the reports. */
    static final class ScriptedCredentials implements CredentialSource {
        final AtomicInteger unauthorizedReports = new AtomicInteger();
        final List<Credential> reported = new CopyOnWriteArrayList<>();
        private volatile Credential current;
        private final Credential next;

        ScriptedCredentials(Credential current, Credential next) {
            this.current = current;
            this.next = next;
        }

        @Override
        public Credential current() {
            return current;
        }

        @Override
        public Credential afterUnauthorized(Credential used) {
            unauthorizedReports.incrementAndGet();
            reported.add(used);
            current = next;
            return next;
        }
    }

    private EchoApi client(CredentialSource source, String... extraConfig) {
        String[] base = {Setting.BASE_URL.key(), server.uri().toString()};
        String[] all = new String[base.length + extraConfig.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extraConfig, 0, all, base.length, extraConfig.length);
        Config config = TestConfigs.of(all);
        return new RestClients(config, WonderfulSettings.from(config), source).create(EchoApi.class, "echo");
    }

    private ApiInvoker invoker(CredentialSource source, int maxRetries) {
        return new ApiInvoker(source, new RetryPolicy(maxRetries, Backoff.from(Duration.ofMillis(100)), WireContract.RETRY_AFTER_CAP),
                delay -> {
                    sleeps.add(delay.toMillis());
                    return java.util.concurrent.CompletableFuture.completedFuture(null);
                }, new AsyncExecutor(), java.util.List.of(API_KEY));
    }

    private static Credential apiKey() {
        return new Credential(CredentialKind.API_KEY, API_KEY);
    }

    private static Credential bearer(String token) {
        return new Credential(CredentialKind.SIGNED_TOKEN, token);
    }

    @Test
    void apiKeyTravelsAsXApiKeyWithTenantAndAccept() throws IOException {
        server = new RecordingServer(r -> Reply.json(200, "{\"data\":{}}"));
        ScriptedCredentials source = new ScriptedCredentials(apiKey(), null);
        EchoApi api = client(source, Setting.TENANT_ID.key(), "acme");

        invoker(source, 0).invoke("test.echo", () -> api.echo(BODY));

        RecordingServer.Request sent = server.requests().get(0);
        assertEquals(API_KEY, sent.header("x-api-key"));
        assertNull(sent.header("authorization"));
        assertEquals("acme", sent.header("x-tenant-id"));
        assertEquals("application/json", sent.header("accept"));
        assertEquals("/api/v1/echo", sent.path());
    }

    @Test
    void tokenTravelsAsBearerWithoutApiKeyOrTenant() throws IOException {
        server = new RecordingServer(r -> Reply.json(200, "{}"));
        ScriptedCredentials source = new ScriptedCredentials(bearer(TOKEN_A), null);
        EchoApi api = client(source);

        invoker(source, 0).invoke("test.echo", () -> api.echo(BODY));

        RecordingServer.Request sent = server.requests().get(0);
        assertEquals("Bearer " + TOKEN_A, sent.header("authorization"));
        assertNull(sent.header("x-api-key"));
        assertNull(sent.header("x-tenant-id"));
    }

    @Test
    void a401OnATokenRefreshesAndResendsTheSameBodyOnce() throws IOException {
        server = new RecordingServer(r -> ("Bearer " + TOKEN_B).equals(r.header("authorization"))
                ? Reply.json(200, "{\"data\":{\"ok\":true}}")
                : Reply.json(401, "{\"message\":\"token revoked\",\"error\":\"UNAUTHORIZED\"}"));
        ScriptedCredentials source = new ScriptedCredentials(bearer(TOKEN_A), bearer(TOKEN_B));
        EchoApi api = client(source);

        JsonObject result = invoker(source, 3).invoke("test.echo", () -> api.echo(BODY));

        assertTrue(result.getJsonObject("data").getBoolean("ok"));
        assertEquals(1, source.unauthorizedReports.get());
        assertEquals(bearer(TOKEN_A), source.reported.get(0));
        List<RecordingServer.Request> sent = server.requests();
        assertEquals(2, sent.size());
        assertEquals("Bearer " + TOKEN_B, sent.get(1).header("authorization"));
        assertEquals(Json.createReader(new java.io.StringReader(sent.get(0).body())).readObject(),
                Json.createReader(new java.io.StringReader(sent.get(1).body())).readObject());
        assertEquals(BODY, Json.createReader(new java.io.StringReader(sent.get(1).body())).readObject());
    }

    @Test
    void aSecond401IsUnauthorizedWithoutALoop() throws IOException {
        server = new RecordingServer(r -> Reply.json(401, "{\"message\":\"token revoked\",\"error\":\"UNAUTHORIZED\"}"));
        ScriptedCredentials source = new ScriptedCredentials(bearer(TOKEN_A), bearer(TOKEN_B));
        EchoApi api = client(source);

        WonderfulException error = assertThrows(WonderfulException.class,
                () -> invoker(source, 3).invoke("test.echo", () -> api.echo(BODY)));

        assertEquals(ErrorCode.UNAUTHORIZED, error.code());
        assertEquals(401, error.httpStatus().orElse(0));
        assertFalse(error.recoverable());
        assertEquals(2, server.requests().size());
        assertEquals(1, source.unauthorizedReports.get());
        assertFalse(error.getMessage().contains(TOKEN_A) || error.getMessage().contains(TOKEN_B), error.getMessage());
        assertTrue(sleeps.isEmpty(), "a 401 is not a network failure");
    }

    @Test
    void a401OnAnApiKeyIsUnauthorizedAtOnce() throws IOException {
        server = new RecordingServer(r -> Reply.json(401, "{\"message\":\"bad key\",\"error\":\"UNAUTHORIZED\"}"));
        ScriptedCredentials source = new ScriptedCredentials(apiKey(), bearer(TOKEN_B));
        EchoApi api = client(source);

        WonderfulException error = assertThrows(WonderfulException.class,
                () -> invoker(source, 3).invoke("test.echo", () -> api.echo(BODY)));

        assertEquals(ErrorCode.UNAUTHORIZED, error.code());
        assertEquals(1, server.requests().size());
        assertEquals(0, source.unauthorizedReports.get());
        assertFalse(error.getMessage().contains(API_KEY));
    }

    @Test
    void connectionFailuresAreRetriedWithBackoffThenNetworkError() throws IOException {
        ScriptedCredentials source = new ScriptedCredentials(apiKey(), null);
        EchoApi api = clientOfAClosedPort(source);
        AtomicInteger calls = new AtomicInteger();

        WonderfulException error = assertThrows(WonderfulException.class,
                () -> invoker(source, 3).invoke("test.echo", () -> {
                    calls.incrementAndGet();
                    return api.echo(BODY);
                }));

        assertEquals(ErrorCode.NETWORK_ERROR, error.code());
        assertTrue(error.recoverable());
        assertEquals(4, calls.get(), "the first try and 3 retries");
        assertEquals(3, sleeps.size());
        Backoff backoff = Backoff.from(Duration.ofMillis(100));
        for (int i = 0; i < sleeps.size(); i++) {
            long ceiling = backoff.ceiling(i).toMillis();
            assertTrue(sleeps.get(i) >= ceiling / 2 && sleeps.get(i) <= ceiling, "retry " + i + " slept " + sleeps.get(i));
        }
    }

    @Test
    void aReadTimeoutFromTheMpRestKeyIsANetworkErrorAfterTheRetries() throws IOException {
        CountDownLatch release = new CountDownLatch(1);
        server = answeringOnlyWhenReleased(release);
        try {
            ScriptedCredentials source = new ScriptedCredentials(apiKey(), null);
            EchoApi api = client(source, "echo/mp-rest/readTimeout", "200");

            WonderfulException error = assertThrows(WonderfulException.class,
                    () -> invoker(source, 1).invoke("test.echo", () -> api.echo(BODY)));

            assertEquals(ErrorCode.NETWORK_ERROR, error.code());
            assertEquals(1, sleeps.size());
        } finally {
            release.countDown();
        }
    }

    @Test
    void anAtMostOnceCallIsNotResentAfterAReadTimeout() throws IOException {
        CountDownLatch release = new CountDownLatch(1);
        server = answeringOnlyWhenReleased(release);
        try {
            ScriptedCredentials source = new ScriptedCredentials(apiKey(), null);
            EchoApi api = client(source, "echo/mp-rest/readTimeout", "200");

            WonderfulException error = assertThrows(WonderfulException.class,
                    () -> invoker(source, 3).invokeAtMostOnce("test.echo", () -> api.echo(BODY)));

            assertEquals(ErrorCode.NETWORK_ERROR, error.code());
            assertTrue(error.recoverable());
            assertEquals(1, server.requests().size(), "the server may have acted on it: it is reported, not re-sent");
            assertEquals(0, sleeps.size());
        } finally {
            release.countDown();
        }
    }

    @Test
    void anAtMostOnceCallIsRetriedWhenTheConnectionCouldNotBeOpened() throws IOException {
        ScriptedCredentials source = new ScriptedCredentials(apiKey(), null);
        EchoApi api = clientOfAClosedPort(source);
        AtomicInteger calls = new AtomicInteger();

        WonderfulException error = assertThrows(WonderfulException.class,
                () -> invoker(source, 2).invokeAtMostOnce("test.echo", () -> {
                    calls.incrementAndGet();
                    return api.echo(BODY);
                }));

        assertEquals(ErrorCode.NETWORK_ERROR, error.code());
        assertEquals(3, calls.get(), "a refused connection proves nothing was sent: the first try and 2 retries");
    }

    /** A server that holds every request until {@code release} is counted down (or 30 s pass). */
    private static RecordingServer answeringOnlyWhenReleased(CountDownLatch release) throws IOException {
        return new RecordingServer(r -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.json(200, "{}");
        });
    }

    /** A client of a port nobody listens on: every connection is refused. */
    private static EchoApi clientOfAClosedPort(ScriptedCredentials source) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Config config = TestConfigs.of(Setting.BASE_URL.key(), "http://127.0.0.1:" + closedPort);
        return new RestClients(config, WonderfulSettings.from(config), source).create(EchoApi.class, "echo");
    }

    @Test
    void theMpRestUriOverridesTheBaseUrl() throws IOException {
        server = new RecordingServer(r -> Reply.json(200, "{\"data\":{}}"));
        Config config = TestConfigs.of(Setting.BASE_URL.key(), "http://127.0.0.1:1", "echo/mp-rest/uri", server.uri().toString());
        ScriptedCredentials source = new ScriptedCredentials(apiKey(), null);
        EchoApi api = new RestClients(config, WonderfulSettings.from(config), source).create(EchoApi.class, "echo");

        invoker(source, 0).invoke("test.echo", () -> api.echo(BODY));

        assertEquals(1, server.requests().size());
    }

    @Test
    void aBadMpRestUriIsReportedWithoutItsUserInfo() {
        Config config = TestConfigs.of(Setting.BASE_URL.key(), "http://127.0.0.1:1",
                "echo/mp-rest/uri", "http://bob:hunter2-secret@/no-host");
        ScriptedCredentials source = new ScriptedCredentials(apiKey(), null);

        WonderfulException error = assertThrows(WonderfulException.class,
                () -> new RestClients(config, WonderfulSettings.from(config), source).create(EchoApi.class, "echo"));

        assertEquals(ErrorCode.CONFIGURATION_ERROR, error.code());
        assertTrue(error.getMessage().contains("echo/mp-rest/uri"), error.getMessage());
        assertFalse(error.getMessage().contains("hunter2-secret"), error.getMessage());
        assertFalse(error.getMessage().contains("bob:"), error.getMessage());
    }

    @Test
    void aTokenIsNeverSentOverPlainHttpToAnotherHost() {
        Config config = TestConfigs.of(Setting.BASE_URL.key(), "http://127.0.0.1:1",
                "echo/mp-rest/uri", "http://wonderful.invalid:8080");
        ScriptedCredentials source = new ScriptedCredentials(bearer(TOKEN_A), null);
        EchoApi api = new RestClients(config, WonderfulSettings.from(config), source).create(EchoApi.class, "echo");

        WonderfulException error = assertThrows(WonderfulException.class,
                () -> invoker(source, 3).invoke("test.echo", () -> api.echo(BODY)));

        assertEquals(ErrorCode.CONFIGURATION_ERROR, error.code());
        assertTrue(sleeps.isEmpty());
        assertFalse(error.getMessage().contains(TOKEN_A));
    }

    @Test
    void errorResponsesBecomeTypedErrors() throws IOException {
        server = new RecordingServer(r -> Reply.json(500, "{}"));
        ScriptedCredentials source = new ScriptedCredentials(apiKey(), null);
        EchoApi api = client(source);
        ApiInvoker invoker = invoker(source, 3);
        Object[][] cases = {
            {400, "{\"message\":\"expiresIn too small\",\"error\":\"VALIDATION_ERROR\"}", ErrorCode.VALIDATION_ERROR, "expiresIn too small"},
            {400, "{\"detail\":\"bad parameter\"}", ErrorCode.INVALID_REQUEST, "bad parameter"},
            {403, "{\"data\":{\"message\":\"agent not accessible\"}}", ErrorCode.FORBIDDEN, "agent not accessible"},
            {404, "{\"message\":\"no such session\",\"error\":\"SESSION_NOT_FOUND\"}", ErrorCode.SESSION_NOT_FOUND, "no such session"},
            {404, "{\"error\":\"not here\"}", ErrorCode.NOT_FOUND, "not here"},
            {409, "{\"message\":\"ended\",\"error\":\"SESSION_ENDED\"}", ErrorCode.SESSION_ENDED, "ended"},
            {409, "{\"message\":\"conflict\"}", ErrorCode.SESSION_ENDED, "conflict"},
            {409, "", ErrorCode.SESSION_ENDED, "HTTP 409"},
            {429, "{\"data\":{\"detail\":\"slow down\"}}", ErrorCode.RATE_LIMITED, "slow down"},
            {503, "not json at all", ErrorCode.SERVER_ERROR, "HTTP 503"},
            {500, "", ErrorCode.SERVER_ERROR, "HTTP 500"},
        };
        for (Object[] c : cases) {
            int status = (Integer) c[0];
            server.handler(r -> Reply.json(status, (String) c[1]));
            int before = server.requests().size();

            WonderfulException error = assertThrows(WonderfulException.class, () -> invoker.invoke("test.echo", () -> api.echo(BODY)));

            assertEquals(c[2], error.code(), "status " + status + " body " + c[1]);
            assertEquals(status, error.httpStatus().orElse(0));
            assertEquals(((ErrorCode) c[2]).recoverableByDefault(), error.recoverable());
            assertTrue(error.getMessage().contains((String) c[3]), error.getMessage());
            assertEquals(before + 1, server.requests().size(), "an error response is not retried");
        }
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void invokeAsyncCompletesWithTheResultOrTheTypedError() throws Exception {
        server = new RecordingServer(r -> Reply.json(200, "{\"data\":{\"n\":7}}"));
        ScriptedCredentials source = new ScriptedCredentials(apiKey(), null);
        EchoApi api = client(source);
        ApiInvoker invoker = invoker(source, 0);

        JsonObject result = invoker.invokeAsync("test.echo", () -> api.echo(BODY)).toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertEquals(7, result.getJsonObject("data").getInt("n"));

        server.handler(r -> Reply.json(403, "{\"message\":\"no\"}"));
        CompletionException failed = assertThrows(CompletionException.class,
                () -> invoker.invokeAsync("test.echo", () -> api.echo(BODY)).toCompletableFuture().join());
        assertEquals(ErrorCode.FORBIDDEN, assertInstanceOf(WonderfulException.class, failed.getCause()).code());
        invoker.close();
    }
}
