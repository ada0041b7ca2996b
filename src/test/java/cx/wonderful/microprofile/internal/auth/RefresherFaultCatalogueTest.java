package cx.wonderful.microprofile.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.auth.TokenRefresher;
import cx.wonderful.microprofile.internal.ApiInvoker;
import cx.wonderful.microprofile.internal.Credential;
import cx.wonderful.microprofile.internal.CredentialKind;
import cx.wonderful.microprofile.internal.CredentialSource;
import cx.wonderful.microprofile.internal.EchoApi;
import cx.wonderful.microprofile.internal.FixedCredential;
import cx.wonderful.microprofile.internal.RecordingServer.Reply;
import cx.wonderful.microprofile.internal.RecordingServer;
import cx.wonderful.microprofile.internal.RestClients;
import cx.wonderful.microprofile.internal.Setting;
import cx.wonderful.microprofile.internal.TestConfigs;
import cx.wonderful.microprofile.internal.TestJwts;
import cx.wonderful.microprofile.internal.WonderfulSettings;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11's fault catalogue for the application's {@link TokenRefresher}: one that throws, returns null, blank,
 * garbage, another user's token or a token the server refuses, hangs, or calls back into the library — met when an
 * end user's first token is got (no request can leave without it) and when the server refuses the user's token
 * (401). Each ends in a typed error within {@link #BOUND}, after a stated number of requests (never a request
 * without a token, never more than one re-send), and a second call inside the cool-down does not call the
 * refresher again.
 */
class RefresherFaultCatalogueTest {

    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final Duration REFRESH_TIMEOUT = Duration.ofMillis(500);
    private static final JsonObject BODY = Json.createObjectBuilder().add("text", "hello").build();
    private static final String REFUSED = "refused";

    enum Fault { THROWS, THROWS_TYPED, NULL, BLANK, GARBAGE, ANOTHER_USERS_TOKEN, REVOKED_TOKEN, HANGS, CALLS_BACK }

    /** Where the refresher is met: the user's first token, or the refresh after the server refused the token. */
    enum Path { FIRST_TOKEN, AFTER_401 }

    private final RefreshExecutor refreshes = new RefreshExecutor();
    private final CountDownLatch never = new CountDownLatch(1);
    private final java.util.Set<String> refusedTokens = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private RecordingServer server;

    @AfterEach
    void stop() {
        never.countDown();
        refreshes.close();
        if (server != null) {
            server.close();
        }
        TestConfigs.releaseGlobal();
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Path path : Path.values()) {
            for (Fault fault : Fault.values()) {
                cases.add(Arguments.of(path, fault));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: a refresher that {1}")
    @MethodSource("cases")
    void aFaultyRefresherEndsInATypedErrorWithinTheBoundAndIsNotCalledAgainInTheCoolDown(Path path, Fault fault)
            throws IOException {
        UUID user = UUID.randomUUID();
        // The server refuses the tokens made to be refused, and accepts the others.
        server = new RecordingServer(r -> refusedTokens.stream().anyMatch(t -> ("Bearer " + t).equals(r.header("authorization")))
                ? Reply.json(401, "{\"message\":\"token revoked\"}") : Reply.json(200, "{\"data\":{}}"));
        AtomicInteger refresherCalls = new AtomicInteger();
        CredentialSource[] self = new CredentialSource[1];
        TokenRefresher refresher = entityId -> {
            int call = refresherCalls.incrementAndGet();
            if (path == Path.AFTER_401 && call == 1) {
                return refused(entityId, REFUSED); // the token the server refuses
            }
            return faulty(fault, entityId, self);
        };
        UserTokens users = new UserTokens(Optional.of(refresher), new TokenStore.Timing(Duration.ofSeconds(30),
                Duration.ofSeconds(30), REFRESH_TIMEOUT, refreshes, TokenStore.NO_JITTER), 10, Duration.ofHours(1),
                java.time.Clock.systemUTC());
        self[0] = users.source(user);
        Config config = TestConfigs.of(Setting.BASE_URL.key(), server.uri().toString(), Setting.API_KEY.key(), "catalogue-api-key-0123",
                Setting.MAX_RETRIES.key(), "0");
        WonderfulSettings settings = WonderfulSettings.from(config);
        CredentialSource application = new FixedCredential(new Credential(CredentialKind.API_KEY, "catalogue-api-key-0123"));
        EchoApi api = new RestClients(config, settings, application).create(EchoApi.class, "echo");
        ApiInvoker invoker = new ApiInvoker(settings, application);
        try {
            WonderfulException error = assertTimeoutPreemptively(BOUND, () -> assertThrows(WonderfulException.class,
                    () -> invoker.invoke("communications.get", self[0], credential -> api.echo(credential, BODY))));

            // A refresher calling back in after a 401 is handed the user's current token (the refused one, not yet
            // expired): re-sent once, refused again, UNAUTHORIZED. On the first token there is none: it cannot wait
            // for the refresh it is part of, TOKEN_REFRESH_FAILED.
            boolean refusedAgain = fault == Fault.REVOKED_TOKEN || fault == Fault.CALLS_BACK && path == Path.AFTER_401;
            ErrorCode expected = refusedAgain ? ErrorCode.UNAUTHORIZED : ErrorCode.TOKEN_REFRESH_FAILED;
            assertEquals(expected, error.code(), error.getMessage());
            refusedTokens.forEach(t -> assertFalse(error.getMessage().contains(t), "no token in: " + error.getMessage()));
            // A user's request never leaves without a token; a refused token is re-sent once, refreshed, at most.
            int requests = refusedAgain ? 2 : path == Path.AFTER_401 ? 1 : 0;
            assertEquals(requests, server.requests().size(), "requests that reached the server");
            server.requests().forEach(r -> assertTrue(r.header("authorization") != null
                    && r.header("authorization").startsWith("Bearer "), "every request carries the user's token"));
            server.requests().forEach(r -> assertEquals(null, r.header("x-api-key"), "never the API key for a user"));

            int calls = refresherCalls.get();
            if (!refusedAgain) {
                assertThrows(WonderfulException.class,
                        () -> invoker.invoke("communications.get", self[0], credential -> api.echo(credential, BODY)));
                assertEquals(calls, refresherCalls.get(), "inside the cool-down the refresher is not called again");
            }
        } finally {
            invoker.close();
        }
    }

    /** A well-formed token of {@code entityId} that the server refuses. */
    private String refused(String entityId, String salt) {
        String token = TestJwts.jwt(entityId, Instant.now().plus(Duration.ofHours(1)), salt);
        refusedTokens.add(token);
        return token;
    }

    private String faulty(Fault fault, String entityId, CredentialSource[] self) {
        return switch (fault) {
            case THROWS -> throw new IllegalStateException("the identity provider is down");
            case THROWS_TYPED -> throw new WonderfulException(ErrorCode.NETWORK_ERROR, "sign failed", 0, true, null);
            case NULL -> null;
            case BLANK -> "  ";
            case GARBAGE -> "not-a-jwt";
            case ANOTHER_USERS_TOKEN -> TestJwts.jwt(UUID.randomUUID().toString(), Instant.now().plus(Duration.ofHours(1)));
            case REVOKED_TOKEN -> refused(entityId, REFUSED + "-again");
            case HANGS -> {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("released");
            }
            case CALLS_BACK -> self[0].current().secret();
        };
    }
}
