package cx.wonderful.it.smoke;

import cx.wonderful.it.support.Simulator;
import cx.wonderful.microprofile.internal.health.WonderfulReadinessCheck;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** What the smoke runtimes share: the library's configuration for the simulator, the checks, the report. */
final class SmokeConfig {

    /** The checks of {@link RuntimeSmoke#run()}, in order. */
    static final List<String> CHECKS = List.of("readiness", "auth.sign", "communications.list",
            "communications.list filtered", "chat start/send/reply/end + CDI events", "refresh after 401 (HTTP)",
            "refresh after 401 (reconnect)");

    private SmokeConfig() {
    }

    /** The library's settings against the simulator at {@code simulator}, as microprofile-config.properties. */
    static String properties(URI simulator) {
        return String.join("\n", "wonderful.base-url=" + simulator.toString().replaceAll("/$", ""),
                "wonderful.api-key=sim-key-acme", "wonderful.tenant-id=acme", "wonderful.workspace-id=ws-acme",
                "wonderful.agent-id=agent-support", "wonderful.retry-delay=100ms", "wonderful.health.enabled=true", "");
    }

    /** Waits until the simulator answers its admin API (the smoke profile starts its server just before the tests). */
    static void awaitSimulator() throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(3);
        while (true) {
            try {
                Simulator.reset();
                return;
            } catch (RuntimeException | AssertionError notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(1000);
            }
        }
    }

    /**
     * Fails unless the health report {@code body} has the library's check switched on and UP. Runtimes write its
     * data differently: Payara gives {@code "enabled":"true"}, Helidon {@code "enabled":true}.
     */
    static void assertReadyAndEnabled(String body) {
        JsonObject check = Simulator.parse(body).orElseThrow().asJsonObject().getJsonArray("checks")
                .getValuesAs(JsonObject.class).stream()
                .filter(c -> WonderfulReadinessCheck.NAME.equals(c.getString("name", null))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + WonderfulReadinessCheck.NAME + " check: " + body));
        JsonValue enabled = check.getJsonObject("data").get("enabled");
        if (!(JsonValue.TRUE.equals(enabled) || "true".equals(text(enabled))) || !"UP".equals(check.getString("status"))) {
            throw new AssertionError("the check is not on and UP: " + body);
        }
    }

    static String text(Object result) {
        return result instanceof JsonString s ? s.getString() : result instanceof JsonValue v ? v.toString() : String.valueOf(result);
    }

    static void report(String runtime, Map<String, ?> results) {
        StringBuilder report = new StringBuilder("Smoke on ").append(runtime).append(":\n");
        results.forEach((check, result) -> report.append("  ").append(check).append(": ").append(text(result)).append('\n'));
        System.out.println(report);
    }
}
