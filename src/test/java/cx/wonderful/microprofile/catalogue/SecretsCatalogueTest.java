package cx.wonderful.microprofile.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.auth.SignRequest;
import cx.wonderful.microprofile.auth.WonderfulAuth;
import cx.wonderful.microprofile.chat.ParticipantType;
import cx.wonderful.microprofile.chat.StartChat;
import cx.wonderful.microprofile.chat.WonderfulChat;
import cx.wonderful.microprofile.communications.ListCommunications;
import cx.wonderful.microprofile.communications.WonderfulCommunications;
import cx.wonderful.microprofile.internal.RecordingServer.Reply;
import cx.wonderful.microprofile.internal.RecordingServer;
import cx.wonderful.microprofile.internal.Setting;
import cx.wonderful.microprofile.internal.TestJwts;
import cx.wonderful.microprofile.internal.communications.LibraryContainer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The secrets catalogue (issue 11): a server that echoes the credential (in every error-body shape the contract
 * allows), a base URL with user information, and every output the library makes of them: exception messages and
 * their causes, {@code toString} of the public types, the config view, the readiness check's data, and every log
 * record the library writes (at every level). None may hold the API key, the token, a JWT or URL user info.
 */
class SecretsCatalogueTest {

    static final String API_KEY = "catalogue-secret-key-0123456789";
    private static final String JWT = TestJwts.jwt("3f2c1b9e-7d0a-4c55-9e1f-0a1b2c3d4e5f", Instant.now().plusSeconds(3600));
    private static final String OTHER_JWT = TestJwts.jwt("someone-else", Instant.now().plusSeconds(60), "echo");
    static final String URL_PASSWORD = "hunter2-url-password";

    private final List<String> logs = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String params = record.getParameters() == null ? "" : List.of(record.getParameters()).toString();
            logs.add(record.getMessage() + " " + params + (record.getThrown() == null ? "" : " " + chain(record.getThrown())));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger library = Logger.getLogger("cx.wonderful");
    /** One library for the echo cases (a container per case would take minutes): the server's answer varies. */
    private static Shared shared;

    private record Shared(RecordingServer server, LibraryContainer beans) {
    }

    @org.junit.jupiter.api.BeforeAll
    static void startShared() throws Exception {
        RecordingServer echoing = new RecordingServer(r -> Reply.json(500, "{}"));
        shared = new Shared(echoing, new LibraryContainer(config(echoing), true));
    }

    @org.junit.jupiter.api.AfterAll
    static void stopShared() {
        shared.beans.close();
        shared.server.close();
    }

    SecretsCatalogueTest() {
        capture.setLevel(Level.ALL);
        library.addHandler(capture);
        library.setLevel(Level.ALL);
    }

    @AfterEach
    void stop() {
        library.removeHandler(capture);
        library.setLevel(null);
        assertNoSecret("a log record", String.join("\n", logs));
    }

    /** The bodies a server may answer with (§2.5: message, detail or error, top level or in data, or plain text). */
    static Stream<Arguments> echoes() {
        List<Function<String, String>> shapes = List.of(
                s -> "{\"message\":\"invalid x-api-key header: " + s + "\"}",
                s -> "{\"detail\":\"token " + s + " is expired\"}",
                s -> "{\"data\":{\"message\":\"Bearer " + s + " refused\"}}",
                s -> "{\"error\":\"bad credential " + s + "\"}",
                s -> "{\"data\":{\"detail\":\"" + s + "\",\"error\":\"" + s + "\"}}");
        List<Arguments> cases = new ArrayList<>();
        for (int status : new int[] {400, 401, 403, 404, 409, 429, 500, 503}) {
            for (int shape = 0; shape < shapes.size(); shape++) {
                for (String echoed : new String[] {API_KEY, JWT, OTHER_JWT}) {
                    cases.add(Arguments.of(status, shape, shapes.get(shape).apply(echoed)));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "HTTP {0}, shape {1}")
    @MethodSource("echoes")
    void aServerEchoingTheCredentialNeverGetsItIntoAnException(int status, int shape, String body) throws Exception {
        shared.server.handler(r -> Reply.json(status, body));
        LibraryContainer beans = shared.beans;
        WonderfulAuth auth = beans.bean(WonderfulAuth.class);
        WonderfulChat chat = beans.bean(WonderfulChat.class);
        WonderfulCommunications communications = beans.bean(WonderfulCommunications.class);
        List<Runnable> calls = List.of(
                () -> auth.sign(SignRequest.forNewUser()),
                () -> chat.start(StartChat.from("+15551234567", ParticipantType.PHONE)),
                () -> chat.recover("s-1"),
                () -> communications.list(ListCommunications.all()),
                () -> communications.get("c-1"));
        for (Runnable call : calls) {
            WonderfulException error = assertThrows(WonderfulException.class, call::run);
            assertNoSecret("exception " + error.code(), chain(error));
            assertEquals(status, error.httpStatus().orElse(status), error.toString());
        }
        HealthCheckResponse health = beans.bean(org.eclipse.microprofile.health.HealthCheck.class,
                org.eclipse.microprofile.health.Readiness.Literal.INSTANCE).call();
        assertNoSecret("health", health.getName() + " " + health.getStatus() + " " + health.getData());
    }

    @Test
    void thePublicTypesAndTheConfigViewShowNoSecret() throws Exception {
        LibraryContainer beans = shared.beans;
        shared.server.handler(r -> Reply.json(200, "{\"data\":{\"cursor\":\"1-0\",\"has_more\":false,\"events\":[{\"speaker\":\"agent\","
                + "\"created_at\":1,\"data\":{\"type\":\"text\",\"text\":\"hi\"}},{\"type\":\"communication_ended\"}]}}"));
        WonderfulAuth auth = beans.bean(WonderfulAuth.class);
        List<Object> outputs = List.of(auth, auth.config(), SignRequest.forNewUser(),
                StartChat.builder().from("+15551234567").fromType(ParticipantType.PHONE).metadata("token", JWT).build(),
                ListCommunications.all(), beans.bean(WonderfulChat.class).recover("s-1"),
                beans.bean(WonderfulChat.class).recover("s-1").messages(),
                new WonderfulException(ErrorCode.UNAUTHORIZED, "refused"));
        for (Object output : outputs) {
            assertNoSecret(output.getClass().getSimpleName() + ".toString()", String.valueOf(output));
        }
        assertTrue(auth.config().maskedCredential().orElseThrow().startsWith("****"));
    }

    private static Map<String, String> config(RecordingServer server) {
        return Map.of(Setting.BASE_URL.key(), server.uri().toString(), Setting.API_KEY.key(), API_KEY,
                Setting.SIGNED_TOKEN.key(), JWT, Setting.WORKSPACE_ID.key(), "ws-acme", Setting.AGENT_ID.key(), "agent-support",
                Setting.RETRY_DELAY.key(), "1ms", Setting.MAX_RETRIES.key(), "1", Setting.HEALTH_ENABLED.key(), "true");
    }

    static void assertNoSecret(String where, String text) {
        for (String secret : List.of(API_KEY, JWT, OTHER_JWT, URL_PASSWORD, JWT.substring(0, JWT.indexOf('.')))) {
            assertFalse(text.contains(secret), where + " holds a secret: " + text);
        }
    }

    static String chain(Throwable error) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t).append(" | ");
        }
        return all.toString();
    }
}
