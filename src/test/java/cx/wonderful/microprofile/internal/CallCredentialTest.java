package cx.wonderful.microprofile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cx.wonderful.microprofile.internal.ApiInvokerTest.ScriptedCredentials;
import cx.wonderful.microprofile.internal.RecordingServer.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The credential a call runs as travels explicitly with the request (the client method's
 * {@link Credential#CALL_HEADER} parameter) to the client's filter: one client serves every identity, the request
 * carries exactly the credential the invoker chose, and the internal header never reaches the server.
 */
class CallCredentialTest {

    private static final String API_KEY = "application-key-0123456789";
    private static final JsonObject BODY = Json.createObjectBuilder().add("text", "hello").build();

    private RecordingServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        TestConfigs.releaseGlobal();
    }

    private EchoApi applicationClient(CredentialSource application) {
        Config config = TestConfigs.of(Setting.BASE_URL.key(), server.uri().toString());
        return new RestClients(config, WonderfulSettings.from(config), application).create(EchoApi.class, "echo");
    }

    private static ApiInvoker invoker(CredentialSource application) {
        return new ApiInvoker(application, new RetryPolicy(0, Backoff.from(Duration.ofMillis(1)), WireContract.RETRY_AFTER_CAP),
                delay -> java.util.concurrent.CompletableFuture.completedFuture(null), new AsyncExecutor(), java.util.List.of());
    }

    @Test
    void aCallAsAnEndUserCarriesTheirTokenOnTheApplicationsClientAndNeverTheKey() throws IOException {
        server = new RecordingServer(r -> Reply.json(200, "{\"data\":{}}"));
        ScriptedCredentials application = new ScriptedCredentials(new Credential(CredentialKind.API_KEY, API_KEY), null);
        ScriptedCredentials user = new ScriptedCredentials(new Credential(CredentialKind.SIGNED_TOKEN, "user-token-1"), null);
        EchoApi api = applicationClient(application);

        invoker(application).invoke("test.echo", user, credential -> api.echo(credential, BODY));
        invoker(application).invoke("test.echo", application, credential -> api.echo(credential, BODY));

        List<RecordingServer.Request> sent = server.requests();
        assertEquals("Bearer user-token-1", sent.get(0).header("authorization"));
        assertNull(sent.get(0).header("x-api-key"));
        assertNull(sent.get(0).header(Credential.CALL_HEADER));
        assertEquals(API_KEY, sent.get(1).header("x-api-key"));
        assertNull(sent.get(1).header("authorization"));
        assertNull(sent.get(1).header(Credential.CALL_HEADER));
    }

    @Test
    void aRefusedUsersTokenIsReportedToTheUsersSourceAndTheRetryCarriesTheirNewOne() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        server = new RecordingServer(r -> calls.incrementAndGet() == 1 ? Reply.json(401, "{}") : Reply.json(200, "{}"));
        ScriptedCredentials application = new ScriptedCredentials(new Credential(CredentialKind.API_KEY, API_KEY), null);
        Credential old = new Credential(CredentialKind.SIGNED_TOKEN, "user-token-old");
        ScriptedCredentials user = new ScriptedCredentials(old, new Credential(CredentialKind.SIGNED_TOKEN, "user-token-new"));
        EchoApi api = applicationClient(application);

        invoker(application).invoke("test.echo", user, credential -> api.echo(credential, BODY));

        assertEquals(List.of(old), user.reported, "exactly the credential that was sent");
        assertEquals(0, application.unauthorizedReports.get());
        assertEquals("Bearer user-token-new", server.requests().get(1).header("authorization"));
    }
}
