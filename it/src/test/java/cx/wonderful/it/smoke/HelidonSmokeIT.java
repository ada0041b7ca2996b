package cx.wonderful.it.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cx.wonderful.it.support.Simulator;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;
import jakarta.enterprise.inject.spi.Extension;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The library in Helidon MP as a CDI SE application (Helidon's CDI container, config, Jersey Rest Client, health),
 * in this JVM (the smoke profile's failsafe execution puts Helidon on its class path instead of Arquillian's
 * Liberty adapter), against the simulator on the profile's Liberty: {@code mvn verify -Psmoke}. Helidon's web
 * server, which serves {@code /health/ready}, listens on loopback on a port of its choosing.
 */
@Tag("smoke")
class HelidonSmokeIT {

    @Test
    void theLibraryRunsOnHelidonMp() throws Exception {
        SmokeConfig.awaitSimulator();
        Properties settings = new Properties();
        settings.load(new StringReader(SmokeConfig.properties(Simulator.baseUrl())));
        settings.forEach((key, value) -> System.setProperty((String) key, (String) value));
        // Helidon wants its own Main unless told that a plain SeContainerInitializer is meant.
        System.setProperty("mp.initializer.allow", "true");
        System.setProperty("server.host", "127.0.0.1");
        System.setProperty("server.port", "0");
        SeContainer container = SeContainerInitializer.newInstance()
                .addBeanClasses(RuntimeSmoke.class, SmokeEvents.class).initialize();
        try {
            int port = helidonServerPort(container);
            HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/health/ready")).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.println("Helidon MP /health/ready before first use: " + ready.body());
            SmokeConfig.assertReadyAndEnabled(ready.body());
            assertEquals(200, ready.statusCode(), ready.body());

            Map<String, String> results = container.select(RuntimeSmoke.class).get().run();
            SmokeConfig.report("Helidon MP", results);
            assertEquals(SmokeConfig.CHECKS, results.keySet().stream().toList());
            results.forEach((check, result) -> assertEquals("ok", result, check));
        } finally {
            container.close();
        }
    }

    // Helidon is on the class path of the smoke run only, so its server extension is reached by name.
    private static int helidonServerPort(SeContainer container) throws ReflectiveOperationException {
        Class<? extends Extension> server = Class.forName("io.helidon.microprofile.server.ServerCdiExtension")
                .asSubclass(Extension.class);
        return (Integer) server.getMethod("port").invoke(container.getBeanManager().getExtension(server));
    }
}
