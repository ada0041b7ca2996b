package cx.wonderful.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cx.wonderful.it.support.Deployments;
import cx.wonderful.it.support.Simulator;
import cx.wonderful.it.telemetry.MemoryMetrics;
import cx.wonderful.it.telemetry.MemorySpans;
import io.opentelemetry.sdk.autoconfigure.spi.metrics.ConfigurableMetricExporterProvider;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Benchmark 6, what telemetry costs a chat send: the same sends from three applications on the telemetry server,
 * one whose library cannot see the OpenTelemetry API (absent: deployed without third-party API visibility), one
 * that sees it with the SDK disabled (off: {@code otel.sdk.disabled=true}, the MicroProfile default), one with the
 * SDK on and exporting (on). Blocks of sends rotate between the three, so that drift and load fall on all alike.
 * Runs in the bench profile on the telemetry IT server (failsafe execution telemetry-it, arquillian group
 * liberty-telemetry-bench).
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIfSystemProperty(named = "it.telemetry", matches = "true")
@Tag("liberty-only")
@RunAsClient
class TelemetryBenchmark {

    static final String ID = "6-telemetry";
    private static final int WARMUP = 200;
    private static final int ROUNDS = 30;
    private static final int BLOCK = 40;

    private static final String HIDDEN = "telemetry-hidden";

    @ArquillianResource
    ContainerController containers;
    @ArquillianResource
    Deployer deployer;

    /** Deployed by the test itself, through the manual container that connects to the running server. */
    @Deployment(name = "absent", testable = false, managed = false)
    @TargetsContainer(HIDDEN)
    static WebArchive absent() {
        return war("bench-telemetry-absent", "");
    }

    @Deployment(name = "off", testable = false)
    @TargetsContainer("telemetry-visible")
    static WebArchive off() {
        return war("bench-telemetry-off", "");
    }

    @Deployment(name = "on", testable = false)
    @TargetsContainer("telemetry-visible")
    static WebArchive on() {
        return war("bench-telemetry-on", String.join("\n", "otel.sdk.disabled=false", "otel.service.name=bench-telemetry-on",
                "otel.traces.exporter=wonderful-memory", "otel.metrics.exporter=wonderful-memory", "otel.logs.exporter=none", ""));
    }

    private static WebArchive war(String name, String config) {
        return Deployments.war(name, config, TelemetryBenchResource.class, TelemetryBenchResource.App.class,
                        MemorySpans.class, MemoryMetrics.class)
                .addAsServiceProvider(ConfigurableSpanExporterProvider.class, MemorySpans.class)
                .addAsServiceProvider(ConfigurableMetricExporterProvider.class, MemoryMetrics.class);
    }

    @Test
    void measure(@ArquillianResource @OperateOnDeployment("off") URL off,
            @ArquillianResource @OperateOnDeployment("on") URL on) throws Exception {
        containers.start(HIDDEN);
        try {
            deployer.deploy("absent");
            try {
                measure(new URL(off, "/bench-telemetry-absent/"), off, on);
            } finally {
                deployer.undeploy("absent");
            }
        } finally {
            containers.stop(HIDDEN);
        }
        BenchResults.publish(ID);
    }

    private void measure(URL absent, URL off, URL on) {
        Simulator.reset();
        assertEquals(Map.of("apiVisible", false, "recording", false), mode(absent), "absent");
        assertEquals(Map.of("apiVisible", true, "recording", false), mode(off), "off");
        assertEquals(Map.of("apiVisible", true, "recording", true), mode(on), "on");
        List<URL> variants = List.of(absent, off, on);
        List<Samples> times = List.of(new Samples(), new Samples(), new Samples());
        for (URL variant : variants) {
            send(variant, WARMUP, null);
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (int k = 0; k < variants.size(); k++) {
                int i = (round + k) % variants.size();
                send(variants.get(i), BLOCK, times.get(i));
            }
        }
        variants.forEach(v -> post(v, "bench/end"));
        new BenchTable(ID, "6. Telemetry cost, chat send (sequential sends inside a request)", "telemetry", "absent")
                .latency("off (otel.sdk.disabled=true) / absent", times.get(1), times.get(0), null, null)
                .latency("on (spans and metrics exported) / absent", times.get(2), times.get(0), null, null)
                .note(WARMUP + " warm-up sends per variant, then " + ROUNDS + " rounds of " + BLOCK
                        + " sends per variant in rotating order; each send timed from ChatSession.send to the server's acceptance.")
                .note("Absent: an application deployed without third-party API visibility, so the library cannot see "
                        + "io.opentelemetry; off: the same library seeing Liberty's no-op OpenTelemetry; on: an SDK on for the "
                        + "application, exporting to memory (the runtime's own JAX-RS client and server spans included).")
                .write(BenchResults.dir());
    }

    private static Map<String, Boolean> mode(URL app) {
        JsonObject mode = get(app, "bench/mode");
        return Map.of("apiVisible", mode.getBoolean("apiVisible"), "recording", mode.getBoolean("recording"));
    }

    private static void send(URL app, int n, Samples into) {
        JsonObject answer = post(app, "bench/send?n=" + n);
        if (into != null) {
            answer.getJsonArray("nanos").getValuesAs(JsonNumber.class).forEach(v -> into.add(v.longValue()));
        }
    }

    private static JsonObject get(URL app, String path) {
        return answer(HttpRequest.newBuilder(URI.create(app + path)).timeout(Duration.ofSeconds(60)).GET().build());
    }

    private static JsonObject post(URL app, String path) {
        return answer(HttpRequest.newBuilder(URI.create(app + path)).timeout(Duration.ofSeconds(300))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static JsonObject answer(HttpRequest request) {
        HttpResponse<String> response = Simulator.send(request);
        assertEquals(200, response.statusCode(), request.uri() + ": " + response.body());
        return Simulator.parse(response.body()).orElseThrow().asJsonObject();
    }
}
