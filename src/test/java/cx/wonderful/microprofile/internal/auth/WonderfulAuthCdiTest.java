package cx.wonderful.microprofile.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulConfig;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.auth.SignRequest;
import cx.wonderful.microprofile.auth.SignResponse;
import cx.wonderful.microprofile.auth.TokenRefresher;
import cx.wonderful.microprofile.auth.WonderfulAuth;
import cx.wonderful.microprofile.internal.ApiInvoker;
import cx.wonderful.microprofile.internal.CdiTestContainer;
import cx.wonderful.microprofile.internal.CredentialKind;
import cx.wonderful.microprofile.internal.CredentialSource;
import cx.wonderful.microprofile.internal.EchoApi;
import cx.wonderful.microprofile.internal.RecordingServer.Reply;
import cx.wonderful.microprofile.internal.RecordingServer;
import cx.wonderful.microprofile.internal.RestClients;
import cx.wonderful.microprofile.internal.Setting;
import cx.wonderful.microprofile.internal.TestConfigs;
import cx.wonderful.microprofile.internal.TestJwts;
import cx.wonderful.microprofile.internal.WonderfulSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The beans wired by CDI (Weld), against an HTTP server on 127.0.0.1 playing the sign endpoint. */
class WonderfulAuthCdiTest {

    private static final String API_KEY = "cdi-test-api-key-0123456789";
    private static final UUID USER = UUID.fromString("0b7c4a3e-3c55-4b8f-9d7e-5b0c2f1e9a11");

    private RecordingServer server;
    private WeldContainer weld;

    @AfterEach
    void stop() {
        if (weld != null) {
            weld.close();
        }
        if (server != null) {
            server.close();
        }
        TestConfigs.releaseGlobal();
    }

    private WonderfulAuth start(String... config) {
        weld = CdiTestContainer.start(TestConfigs.of(config));
        return weld.select(WonderfulAuth.class).get();
    }

    private cx.wonderful.microprofile.internal.core.ConfiguredClient core() {
        return cx.wonderful.microprofile.internal.cdi.LibraryBeansAccess.unnamed(weld);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    /** The sign endpoint: a JWT for the requested entityId, alone in the data envelope. */
    private static Reply signed(RecordingServer.Request request, String salt) {
        String entityId = json(request.body()).getString("entityId");
        String jwt = TestJwts.jwt(entityId, Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS), salt);
        return Reply.json(200, "{\"data\":{\"jwt\":\"" + jwt + "\"}}");
    }

    @Test
    void signSendsTheContractBodyWithTheApiKeyAndReadsAJwtAlone() throws IOException {
        server = new RecordingServer(r -> signed(r, "one"));
        WonderfulAuth auth = start(Setting.BASE_URL.key(), server.uri().toString(), Setting.API_KEY.key(), API_KEY);

        SignResponse response = auth.sign(SignRequest.builder().id(USER).tenantId("acme").expiresInSeconds(600)
                .metadata(Map.of("plan", "gold")).build());

        assertEquals(USER, response.id());
        assertEquals(Instant.ofEpochSecond(JwtClaims.parse(response.jwt()).orElseThrow().expiresAt().orElseThrow().getEpochSecond()),
                response.expiresAt());
        RecordingServer.Request sent = server.requests().get(0);
        assertEquals("POST", sent.method());
        assertEquals("/api/v1/jwt/sign", sent.path());
        assertEquals(API_KEY, sent.header("x-api-key"));
        JsonObject body = json(sent.body());
        assertEquals(USER.toString(), body.getString("entityId"));
        assertEquals(600, body.getInt("expiresIn"));
        assertEquals("gold", body.getJsonObject("metadata").getString("plan"));
        assertEquals("acme", body.getString("tenantId"));
        assertFalse(response.toString().contains(response.jwt()));
    }

    @Test
    void signGeneratesAnIdAndUsesTheDefaultLifetime() throws IOException {
        server = new RecordingServer(r -> signed(r, "one"));
        WonderfulAuth auth = start(Setting.BASE_URL.key(), server.uri().toString(), Setting.API_KEY.key(), API_KEY);

        SignResponse response = auth.sign(SignRequest.forNewUser());

        JsonObject body = json(server.requests().get(0).body());
        assertEquals(response.id().toString(), body.getString("entityId"));
        assertEquals(3600, body.getInt("expiresIn"));
        assertFalse(body.containsKey("metadata"));
        assertFalse(body.containsKey("tenantId"));
    }

    @Test
    void signPrefersTheExplicitExpiresAtAndIdOfTheResponse() throws IOException {
        String jwt = TestJwts.jwt(USER.toString(), Instant.ofEpochSecond(2_000_000_000L));
        UUID other = UUID.randomUUID();
        server = new RecordingServer(r -> Reply.json(200,
                "{\"data\":{\"jwt\":\"" + jwt + "\",\"expiresAt\":1900000000,\"id\":\"" + other + "\"}}"));
        WonderfulAuth auth = start(Setting.BASE_URL.key(), server.uri().toString(), Setting.API_KEY.key(), API_KEY);

        SignResponse response = auth.sign(SignRequest.forUser(USER));

        assertEquals(Instant.ofEpochSecond(1_900_000_000L), response.expiresAt());
        assertEquals(other, response.id());
        assertEquals(jwt, response.jwt());
    }

    @Test
    void signWithoutAnApiKeyIsInvalidRequestAndSendsNothing() throws IOException {
        server = new RecordingServer(r -> signed(r, "one"));
        WonderfulAuth auth = start(Setting.BASE_URL.key(), server.uri().toString(),
                Setting.SIGNED_TOKEN.key(), TestJwts.jwt(USER.toString(), Instant.now().plusSeconds(3600)));

        WonderfulException error = assertThrows(WonderfulException.class, () -> auth.sign(SignRequest.forNewUser()));
        assertEquals(ErrorCode.INVALID_REQUEST, error.code());
        CompletionException async = assertThrows(CompletionException.class,
                () -> auth.signAsync(SignRequest.forNewUser()).toCompletableFuture().join());
        assertEquals(ErrorCode.INVALID_REQUEST, assertInstanceOf(WonderfulException.class, async.getCause()).code());
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void aRefusedApiKeyIsUnauthorizedWithoutTheKeyInTheMessage() throws IOException {
        server = new RecordingServer(r -> Reply.json(401, "{\"message\":\"invalid API key\",\"error\":\"UNAUTHORIZED\"}"));
        WonderfulAuth auth = start(Setting.BASE_URL.key(), server.uri().toString(), Setting.API_KEY.key(), API_KEY);

        WonderfulException error = assertThrows(WonderfulException.class, () -> auth.sign(SignRequest.forNewUser()));

        assertEquals(ErrorCode.UNAUTHORIZED, error.code());
        assertEquals(401, error.httpStatus().orElse(0));
        assertEquals(1, server.requests().size());
        assertFalse(error.getMessage().contains(API_KEY));
        assertFalse(error.toString().contains(API_KEY));
    }

    @Test
    void signAsyncCompletesWithTheSignedToken() throws Exception {
        server = new RecordingServer(r -> signed(r, "one"));
        WonderfulAuth auth = start(Setting.BASE_URL.key(), server.uri().toString(), Setting.API_KEY.key(), API_KEY);

        SignResponse response = auth.signAsync(SignRequest.forUser(USER)).toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertEquals(USER, response.id());
        assertEquals(1, server.requests().size());
    }

    @Test
    void clearAuthMakesCallsFailUntilSetToken() throws IOException {
        server = new RecordingServer(r -> signed(r, "one"));
        WonderfulAuth auth = start(Setting.BASE_URL.key(), server.uri().toString(), Setting.API_KEY.key(), API_KEY);
        CredentialSource credentials = core().credentials();
        assertEquals(CredentialKind.API_KEY, credentials.current().kind());

        auth.clearAuth();

        assertEquals(ErrorCode.NOT_AUTHENTICATED, assertThrows(WonderfulException.class, credentials::current).code());
        assertEquals(ErrorCode.NOT_AUTHENTICATED,
                assertThrows(WonderfulException.class, () -> auth.sign(SignRequest.forNewUser())).code());
        assertTrue(auth.config().credentialType().isEmpty());
        assertTrue(server.requests().isEmpty());

        String token = TestJwts.jwt(USER.toString(), Instant.now().plusSeconds(3600));
        auth.setToken(token);

        assertEquals(CredentialKind.SIGNED_TOKEN, credentials.current().kind());
        assertEquals(token, credentials.current().secret());
        assertEquals(WonderfulConfig.CredentialType.SIGNED_TOKEN, auth.config().credentialType().orElseThrow());
    }

    @Test
    void setTokenRefusesBadTokensAndPlainHttpToAnotherHost() {
        WonderfulAuth auth = start(Setting.BASE_URL.key(), "http://127.0.0.1:1", Setting.API_KEY.key(), API_KEY);
        for (String bad : new String[] {null, "", "   ", "abc def", "abc\n"}) {
            assertEquals(ErrorCode.VALIDATION_ERROR, assertThrows(WonderfulException.class, () -> auth.setToken(bad)).code());
        }
        auth.setToken("opaque-wonderful-token");
        assertEquals(WonderfulConfig.CredentialType.TOKEN, auth.config().credentialType().orElseThrow());
        weld.close();

        WonderfulAuth remote = start(Setting.BASE_URL.key(), "http://wonderful.invalid", Setting.API_KEY.key(), API_KEY);
        WonderfulException error = assertThrows(WonderfulException.class, () -> remote.setToken("opaque-wonderful-token"));
        assertEquals(ErrorCode.CONFIGURATION_ERROR, error.code());
        assertFalse(error.getMessage().contains("opaque-wonderful-token"));
    }

    @Test
    void theConfigViewMasksEverySecret() {
        String token = TestJwts.jwt(USER.toString(), Instant.now().plusSeconds(3600));
        WonderfulAuth auth = start(Setting.BASE_URL.key(), "https://acme.api.wonderful.ai/", Setting.API_KEY.key(), API_KEY,
                Setting.SIGNED_TOKEN.key(), token, Setting.TENANT_ID.key(), "acme", Setting.MAX_RETRIES.key(), "5",
                Setting.REQUEST_TIMEOUT.key(), "10s");

        WonderfulConfig config = auth.config();

        assertEquals("https://acme.api.wonderful.ai", config.baseUrl().toString());
        assertEquals(WonderfulConfig.CredentialType.SIGNED_TOKEN, config.credentialType().orElseThrow());
        assertTrue(config.apiKeyConfigured());
        assertEquals("****" + API_KEY.substring(API_KEY.length() - 4), config.maskedApiKey().orElseThrow());
        assertEquals("acme", config.tenantId().orElseThrow());
        assertEquals(5, config.maxRetries());
        assertEquals(java.time.Duration.ofSeconds(10), config.requestTimeout());
        for (String shown : List.of(config.toString(), config.maskedCredential().orElseThrow(), config.maskedApiKey().orElseThrow(),
                core().settings().toString())) {
            assertFalse(shown.contains(API_KEY), shown);
            assertFalse(shown.contains(token), shown);
            assertFalse(shown.contains(token.substring(0, token.length() - 4)), shown);
        }
    }

    @Test
    void aConfigurationErrorIsThrownByTheFirstUse() {
        WonderfulAuth auth = start(Setting.API_KEY.key(), API_KEY);

        WonderfulException error = assertThrows(WonderfulException.class, () -> auth.sign(SignRequest.forNewUser()));

        assertEquals(ErrorCode.CONFIGURATION_ERROR, error.code());
        assertTrue(error.getMessage().contains(Setting.BASE_URL.key()), error.getMessage());
        WonderfulException again = assertThrows(WonderfulException.class, () -> core().invoker()
                .invoke("test", () -> "never"));
        assertEquals(ErrorCode.CONFIGURATION_ERROR, again.code());
    }

    @Test
    void aRefusedTokenIsRefreshedBySigningForTheSameUserWithTheApiKey() throws IOException {
        String expired = TestJwts.jwt(USER.toString(), Instant.now().plusSeconds(3600), "revoked");
        server = new RecordingServer(r -> {
            if (r.path().equals("/api/v1/jwt/sign")) {
                return API_KEY.equals(r.header("x-api-key")) && r.header("authorization") == null
                        ? signed(r, "fresh") : Reply.json(401, "{\"error\":\"UNAUTHORIZED\"}");
            }
            return ("Bearer " + expired).equals(r.header("authorization"))
                    ? Reply.json(401, "{\"message\":\"token revoked\",\"error\":\"UNAUTHORIZED\"}")
                    : Reply.json(200, "{\"data\":{\"ok\":true}}");
        });
        start(Setting.BASE_URL.key(), server.uri().toString(), Setting.API_KEY.key(), API_KEY, Setting.SIGNED_TOKEN.key(), expired);
        EchoApi api = core().restClients().create(EchoApi.class, "echo");
        ApiInvoker invoker = core().invoker();

        JsonObject result = invoker.invoke("test.echo", () -> api.echo(Json.createObjectBuilder().add("a", 1).build()));

        assertTrue(result.getJsonObject("data").getBoolean("ok"));
        List<RecordingServer.Request> sent = server.requests();
        assertEquals(List.of("/api/v1/echo", "/api/v1/jwt/sign", "/api/v1/echo"), sent.stream().map(RecordingServer.Request::path).toList());
        assertEquals(USER.toString(), json(sent.get(1).body()).getString("entityId"));
        String fresh = core().credentials().current().secret();
        assertEquals("Bearer " + fresh, sent.get(2).header("authorization"));
        assertFalse(fresh.equals(expired));
    }

    /** An application's refresher, which the library must prefer to its own. */
    @ApplicationScoped
    static class CountingRefresher implements TokenRefresher {
        static final AtomicInteger CALLS = new AtomicInteger();

        @Override
        public String refresh(String entityId) {
            CALLS.incrementAndGet();
            return TestJwts.jwt(entityId, Instant.now().plusSeconds(3600), "app");
        }
    }

    @Test
    void anApplicationRefresherBeanIsUsedInsteadOfSigning() throws IOException {
        String revoked = TestJwts.jwt(USER.toString(), Instant.now().plusSeconds(3600), "revoked");
        server = new RecordingServer(r -> ("Bearer " + revoked).equals(r.header("authorization"))
                ? Reply.json(401, "{\"error\":\"UNAUTHORIZED\"}") : Reply.json(200, "{\"data\":{}}"));
        CountingRefresher.CALLS.set(0);
        weld = CdiTestContainer.start(TestConfigs.of(Setting.BASE_URL.key(), server.uri().toString(), Setting.API_KEY.key(), API_KEY,
                Setting.SIGNED_TOKEN.key(), revoked),
                CountingRefresher.class);
        EchoApi api = core().restClients().create(EchoApi.class, "echo");

        core().invoker().invoke("test.echo", () -> api.echo(Json.createObjectBuilder().build()));

        assertEquals(1, CountingRefresher.CALLS.get());
        assertTrue(server.requests().stream().noneMatch(r -> r.path().equals("/api/v1/jwt/sign")));
        assertEquals(2, server.requests().size());
    }
}
