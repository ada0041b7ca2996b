package cx.wonderful.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.it.support.Simulator;
import cx.wonderful.microprofile.auth.SignRequest;
import cx.wonderful.microprofile.auth.SignResponse;
import cx.wonderful.microprofile.auth.WonderfulAuth;
import cx.wonderful.microprofile.chat.ChatSession;
import cx.wonderful.microprofile.chat.ParticipantType;
import cx.wonderful.microprofile.chat.StartChat;
import cx.wonderful.microprofile.chat.WonderfulChat;
import cx.wonderful.microprofile.chat.wire.ChatV3Api;
import cx.wonderful.microprofile.chat.wire.ChatV3Wire;
import cx.wonderful.microprofile.internal.ApiInvoker;
import cx.wonderful.microprofile.internal.CredentialSource;
import cx.wonderful.microprofile.internal.core.ConfiguredClient;
import cx.wonderful.microprofile.internal.core.SharedRuntime;
import cx.wonderful.microprofile.internal.realtime.RealtimeExecutors;
import cx.wonderful.microprofile.internal.telemetry.Telemetry;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Benchmark 1, per-call overhead: {@link WonderfulAuth#sign} and {@link ChatSession#send} against the same requests
 * through a bare MicroProfile Rest Client with a static header, on the same server, alternating call by call.
 * Both send to the same chat session, so the server does the same work (record, echo, push to the session's socket).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OverheadBenchmark {

    static final String ID = "1-overhead";
    private static final int WARMUP = 200;
    private static final int CALLS = 1_000;
    /** Sends per JFR recording (library, then bare), after the measured rounds. */
    private static final int PROFILED = 500;
    static final String JFR_LIBRARY = ID + "-send-library";
    static final String JFR_BARE = ID + "-send-bare";
    /** Looked up once, as the library does: Json.createXxx looks the provider up on every call (a class-path scan on Liberty). */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Deployment
    static WebArchive deployment() {
        return BenchDeployments.war("bench-overhead", "", OverheadBenchmark.class, BareApi.class, StaticApiKey.class);
    }

    @Inject
    WonderfulAuth auth;
    @Inject
    WonderfulChat chat;

    @Test
    @Order(1)
    void measure() throws Exception {
        Simulator.reset();
        BareApi bare = RestClientBuilder.newBuilder().baseUri(Simulator.baseUrl()).register(new StaticApiKey()).build(BareApi.class);
        try {
            Samples librarySign = new Samples();
            Samples bareSign = new Samples();
            AtomicInteger signed = new AtomicInteger();
            Measure.alternating(WARMUP, CALLS, () -> {
                SignResponse response = auth.sign(SignRequest.forNewUser());
                if (!response.jwt().isEmpty()) {
                    signed.incrementAndGet();
                }
            }, () -> {
                JsonObject answer = bare.sign(JSON.createObjectBuilder().add("entityId", UUID.randomUUID().toString())
                        .add("expiresIn", SignRequest.DEFAULT_EXPIRES_IN).add("tenantId", Simulator.TENANT).build());
                if (!answer.getJsonObject("data").getString("jwt").isEmpty()) {
                    signed.incrementAndGet();
                }
            }, librarySign, bareSign);
            assertEquals(2 * (WARMUP + CALLS), signed.get(), "every sign succeeded");

            ChatSession session = chat.start(StartChat.from("bench-overhead@acme.example", ParticipantType.EMAIL));
            Samples librarySend = new Samples();
            Samples inlineSend = new Samples();
            Samples bareSend = new Samples();
            AtomicInteger sent = new AtomicInteger();
            // Diagnostic: the library's own REST path for a send (its client, filter and ApiInvoker), called on this
            // thread: what the send costs without the hop to the chat command pool. Built with the framework-free core,
            // on the application's configuration.
            SharedRuntime runtime = new SharedRuntime(new RealtimeExecutors(), Telemetry.off(), event -> {
            }, Optional::empty);
            ConfiguredClient core = new ConfiguredClient(runtime, ConfigProvider.getConfig(), Optional.empty());
            ApiInvoker invoker = core.invoker();
            CredentialSource credentials = core.credentials();
            ChatV3Api inline = core.restClients().create(ChatV3Api.class, ChatV3Api.CONFIG_KEY);
            Measure.rotating(WARMUP, CALLS, List.of(() -> {
                session.send("library " + sent.incrementAndGet()).toCompletableFuture().get(30, TimeUnit.SECONDS);
            }, () -> {
                String text = "inline " + sent.incrementAndGet();
                assertTrue(invoker.invoke("chat.send", credentials, credential -> inline.command(credential, Simulator.WORKSPACE,
                        session.sessionId(), ChatV3Wire.Command.text(text))).containsKey("data"));
            }, () -> {
                JsonObject body = JSON.createObjectBuilder().add("data", JSON.createObjectBuilder().add("type", "text")
                        .add("text", "bare " + sent.incrementAndGet())).build();
                assertTrue(bare.send(Simulator.WORKSPACE, session.sessionId(), body).containsKey("data"));
            }), List.of(librarySend, inlineSend, bareSend));
            core.close();
            runtime.close();
            // Where the send's time goes beyond the bare call: the same sends again under JFR, library then bare.
            Path dir = Path.of(ConfigProvider.getConfig().getValue(BenchTable.RESULTS_DIR_KEY, String.class));
            Jfr recording = Jfr.start(dir, JFR_LIBRARY);
            for (int i = 0; i < PROFILED; i++) {
                session.send("profiled " + i).toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
            recording.stop();
            recording = Jfr.start(dir, JFR_BARE);
            for (int i = 0; i < PROFILED; i++) {
                JsonObject body = JSON.createObjectBuilder().add("data", JSON.createObjectBuilder().add("type", "text")
                        .add("text", "profiled bare " + i)).build();
                assertTrue(bare.send(Simulator.WORKSPACE, session.sessionId(), body).containsKey("data"));
            }
            recording.stop();
            session.end().toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertEquals(3 * (WARMUP + CALLS), sent.get());

            new BenchTable(ID, "1. Per-call overhead (sequential calls, loopback)", "library", "bare MP Rest Client")
                    .latency("auth.sign", librarySign, bareSign, 1.02, null)
                    .latency("chat send", librarySend, bareSend, 1.02, null)
                    .latency("diagnostic: chat send without the command-pool hop", inlineSend, bareSend, null, null)
                    .note(WARMUP + " warm-up calls then " + CALLS + " measured calls each, library and baseline alternating call by call "
                            + "(for the send, the diagnostic series rotates in too).")
                    .note("Diagnostic row: ApiInvoker.invoke over the library's own ChatV3Api client (RestClients), on the calling "
                            + "thread; the difference to the chat send row is the hand-off to the command pool and back.")
                    .note("Then " + PROFILED + " library sends and " + PROFILED + " bare sends, each under a JFR recording of the "
                            + "client JVM (jdk.ExecutionSample every 1 ms): see the hot frames below.")
                    .note("Baseline: RestClientBuilder + a ClientRequestFilter setting x-api-key, X-Tenant-ID and Accept; same JSON bodies "
                            + "(JSON-P provider looked up once). "
                            + "Library: WonderfulAuth.sign(SignRequest.forNewUser()) and ChatSession.send(text).get() (which runs on the "
                            + "library's command pool, through ApiInvoker's credential and retry policy).")
                    .write();
        } finally {
            ((AutoCloseable) bare).close();
        }
    }

    @Test
    @Order(2)
    @RunAsClient
    void report() throws Exception {
        Path dir = BenchResults.dir();
        String hot = "### Where the send's time goes (JFR, client JVM)\n\n"
                + JfrHotFrames.summary("library send (ChatSession.send(text).get())", dir.resolve(JFR_LIBRARY + ".jfr"), 12)
                + JfrHotFrames.summary("bare send (MP Rest Client)", dir.resolve(JFR_BARE + ".jfr"), 12);
        Path table = dir.resolve(ID + ".md");
        Files.writeString(table, Files.readString(table, StandardCharsets.UTF_8) + hot, StandardCharsets.UTF_8);
        BenchResults.publish(ID);
    }
}
