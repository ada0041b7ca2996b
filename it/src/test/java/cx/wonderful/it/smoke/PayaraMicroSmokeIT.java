package cx.wonderful.it.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.it.support.Deployments;
import cx.wonderful.it.support.Simulator;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The library on Payara Micro (Jersey's Rest Client, Yasson, Parsson, Tyrus), in a WAR as an application ships
 * it, against the simulator on the profile's Liberty: {@code mvn verify -Psmoke} (it/pom.xml). The readiness
 * endpoint is asked before anything else touches the application, then {@code GET /smoke/run} runs
 * {@link RuntimeSmoke}. Payara Micro runs with its HTTP listener on loopback on a reserved port and without its
 * Hazelcast data grid ({@code --nohazelcast}; {@code --nocluster} would keep a lone member listening on
 * {@code *:6900}, and takes precedence over {@code --nohazelcast}, {@code --interfaces} and {@code --startport}):
 * every socket it listens on is checked to be on loopback.
 */
@Tag("smoke")
class PayaraMicroSmokeIT {

    private static final Duration BOOT = Duration.ofMinutes(10);
    // HTTP/1.1: see the run request below.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void theLibraryRunsOnPayaraMicro() throws Exception {
        SmokeConfig.awaitSimulator();
        Path work = Path.of(System.getProperty("it.smoke.dir"), "payara");
        deleteRecursively(work); // Payara Micro's root directory keeps the last run's deployment
        Files.createDirectories(work);
        File war = work.resolve("smoke.war").toFile();
        Deployments.war("smoke", SmokeConfig.properties(Simulator.baseUrl()), RuntimeSmoke.class, SmokeEvents.class,
                SmokeResource.class, SmokeResource.SmokeApplication.class).as(ZipExporter.class).exportTo(war, true);
        Path preBoot = Files.writeString(work.resolve("pre-boot.asadmin"),
                "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1\n");
        int port = Integer.getInteger("it.payara.http.port");
        Process payara = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", System.getProperty("it.payara.jar"), "--nohazelcast",
                "--port", Integer.toString(port), "--rootdir", work.resolve("root").toString(),
                "--prebootcommandfile", preBoot.toString(), "--deploy", war.getPath(), "--contextroot", "smoke")
                .redirectErrorStream(true).redirectOutput(work.resolve("payara.log").toFile()).start();
        try {
            URI base = URI.create("http://127.0.0.1:" + port);
            awaitDeployed(payara, base);
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(base.resolve("/health/ready"))
                    .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
            System.out.println("Payara Micro /health/ready before first use: " + ready.body());
            SmokeConfig.assertReadyAndEnabled(ready.body());
            assertEquals(200, ready.statusCode(), ready.body());

            // HTTP/1.1, never h2c: on an HTTP/2 connection Payara's Grizzly closes the connection at its keep-alive
            // timeout (timeout-seconds, 30 s) while a request after the first is still running (measured: EOF after
            // 30.9 s for a 45 s request, after 60.7 s with the timeout at 60 s), and this one can run that long
            // under load. A connection of its own, so that nothing the polling left behind is reused.
            HttpResponse<String> run = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(HttpRequest.newBuilder(base.resolve("/smoke/run")).timeout(Duration.ofMinutes(5)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, run.statusCode(), run.body());
            JsonObject results = Simulator.parse(run.body()).orElseThrow().asJsonObject();
            SmokeConfig.report("Payara Micro", results);
            assertEquals(SmokeConfig.CHECKS, results.keySet().stream().toList());
            results.forEach((check, result) -> assertEquals("ok", SmokeConfig.text(result), check));
            assertListensOnLoopbackOnly(payara, port);
        } finally {
            payara.destroy();
            if (!payara.waitFor(60, TimeUnit.SECONDS)) {
                payara.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    // The WAR's own ping, which does not touch the library: the readiness check must be asked before its first use.
    private void awaitDeployed(Process payara, URI base) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + BOOT.toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(payara.isAlive(), "Payara Micro exited with " + (payara.isAlive() ? 0 : payara.exitValue()));
            try {
                HttpResponse<String> deployed = http.send(HttpRequest.newBuilder(base.resolve("/smoke/run/deployed"))
                        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (deployed.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("Payara Micro did not deploy the smoke WAR within " + BOOT);
    }

    private static void assertListensOnLoopbackOnly(Process payara, int port) throws IOException {
        Optional<List<InetSocketAddress>> listening = ListeningSockets.of(payara.pid());
        if (listening.isEmpty()) {
            System.out.println("Payara Micro's listening sockets not checked: no /proc/net/tcp here");
            return;
        }
        System.out.println("Payara Micro listens on " + listening.get());
        assertTrue(listening.get().contains(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)),
                "the HTTP listener on 127.0.0.1:" + port + ": " + listening.get());
        assertTrue(listening.get().stream().allMatch(a -> a.getAddress().isLoopbackAddress()),
                "Payara Micro listens beyond loopback: " + listening.get());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

}
