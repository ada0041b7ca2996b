package cx.wonderful.it.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.it.support.Deployments;
import cx.wonderful.it.support.Simulator;
import io.opentelemetry.sdk.autoconfigure.spi.metrics.ConfigurableMetricExporterProvider;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The library's telemetry on Open Liberty with {@code mpTelemetry-2.0} on for the test application (its own
 * {@code otel.sdk.disabled=false}) and an in-memory exporter it reads back: spans, their parents, attributes and
 * status, the metrics, and no secret or message text anywhere. Runs on the second IT server, the one with the
 * telemetry feature (failsafe execution {@code telemetry-it}, {@code -Dit.telemetry=true}).
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIfSystemProperty(named = "it.telemetry", matches = "true")
@Tag("liberty-only")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TelemetryIT {

    private static final String CONFIG = String.join("\n",
            "otel.sdk.disabled=false",
            "otel.service.name=wonderful-telemetry-it",
            "otel.traces.exporter=wonderful-memory",
            "otel.metrics.exporter=wonderful-memory",
            "otel.logs.exporter=none",
            "otel.bsp.schedule.delay=100",
            "otel.metric.export.interval=300",
            // The library's communications calls go to this WAR's own endpoints, which keep their headers.
            "wonderful-communications/mp-rest/url=http://localhost:${http.port}/telemetry-it",
            "wonderful.health.enabled=true",
            "wonderful-health/mp-rest/url=http://localhost:${http.port}/telemetry-it",
            "");
    private static final long WAIT_MILLIS = 30_000;
    /** Every JWT the scenarios signed: none may be exported. */
    private static final List<String> JWTS = new ArrayList<>();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("telemetry-it", CONFIG, TelemetryApp.class, TelemetryScenarios.class,
                FakeCommunications.class, MemorySpans.class, MemoryMetrics.class, SessionEvents.class)
                .addAsServiceProvider(ConfigurableSpanExporterProvider.class, MemorySpans.class)
                .addAsServiceProvider(ConfigurableMetricExporterProvider.class, MemoryMetrics.class);
    }

    @Test
    @Order(1)
    void aSignIsAClientSpanChildOfTheInboundRequestSpan() {
        JWTS.add(post("sign").getString("jwt"));
        Span sign = awaitSpan("auth.sign", s -> true);
        Span server = parentOf(sign);
        assertEquals("SERVER", server.kind, "the parent of auth.sign: " + server);
        assertTrue(server.attr("http.route").endsWith("/scenario/sign"), server.toString());
        assertEquals("CLIENT", sign.kind);
        assertEquals("UNSET", sign.status);
        assertEquals(Map.of("wonderful.operation", "auth.sign", "http.request.method", "POST", "url.template", "/api/v1/jwt/sign",
                "http.response.status_code", "200", "server.address", "localhost", "wonderful.credential.kind", "api_key",
                "wonderful.retry.count", "0", "wonderful.refreshed", "false"), sign.attributes(
                        "wonderful.operation", "http.request.method", "url.template", "http.response.status_code",
                        "server.address", "wonderful.credential.kind", "wonderful.retry.count", "wonderful.refreshed"));
        assertEquals("cx.wonderful.microprofile", sign.scope);
    }

    @Test
    @Order(2)
    void everyRequestCarriesOneTraceContextOfTheCallsTrace() {
        post("history");
        Span list = awaitSpan("communications.list", s -> true);
        Span get = awaitSpan("communications.get", s -> "200".equals(s.attr("http.response.status_code")));
        assertEquals("/api/v1/communications", list.attr("url.template"));
        assertEquals("/api/v1/communications/{id}", get.attr("url.template"));
        List<List<String>> received = exported().traceparents;
        assertEquals(2, received.size(), "requests received by the fake communications endpoint: " + received);
        for (int i = 0; i < 2; i++) {
            assertEquals(1, received.get(i).size(), "one traceparent per request, not two: " + received.get(i));
            String[] parts = received.get(i).get(0).split("-");
            Span call = i == 0 ? list : get;
            assertEquals(call.traceId, parts[1], "the request belongs to the call's trace");
            Span sender = exported().span(parts[2]).orElseThrow(() -> new AssertionError("no span " + parts[2]));
            assertTrue(sender == call || call.spanId.equals(sender.parentSpanId),
                    "the request's parent is the call span or the runtime's client span under it: " + sender);
        }
        HttpResponse<String> ready = Simulator.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve("/health/ready"))
                .timeout(Duration.ofSeconds(30)).GET().build());
        assertEquals(200, ready.statusCode(), ready.body());
        Span probe = awaitSpan("health.probe", s -> true);
        assertEquals(Map.of("url.template", "/api/v1/communications", "http.response.status_code", "200", "wonderful.retry.count", "0"),
                probe.attributes("url.template", "http.response.status_code", "wonderful.retry.count"));
    }

    @Test
    @Order(3)
    void aChatWithAForcedDropIsOneSessionSpanWithItsConnectionLife() {
        String sessionId = post("chat").getString("sessionId");
        Span session = awaitSpan("chat.session", s -> sessionId.equals(s.attr("wonderful.chat.session.id")));
        Span server = parentOf(session);
        assertTrue(server.attr("http.route").endsWith("/scenario/chat"), server.toString());
        List<String> events = session.events.stream().map(e -> e.name).toList();
        assertEquals("connected", events.get(0), events.toString());
        assertTrue(events.indexOf("disconnected") > 0 && events.indexOf("reconnected") > events.indexOf("disconnected"), events.toString());
        assertEquals("closed", events.get(events.size() - 1), events.toString());
        Event drop = session.events.stream().filter(e -> e.name.equals("disconnected")).findFirst().orElseThrow();
        assertEquals("1011", drop.attributes.get("wonderful.chat.close.code"));
        assertEquals("true", drop.attributes.get("wonderful.chat.will_retry"));
        for (String operation : List.of("chat.start", "chat.send", "chat.end")) {
            List<Span> calls = exported().spans.stream().filter(s -> s.name.equals(operation) && s.traceId.equals(session.traceId)).toList();
            assertFalse(calls.isEmpty(), operation + " in the chat's trace");
            calls.forEach(call -> assertEquals(server.spanId, call.parentSpanId, operation + " is a child of the request"));
        }
        assertEquals(2, exported().spans.stream().filter(s -> s.name.equals("chat.send") && s.traceId.equals(session.traceId)).count());
    }

    @Test
    @Order(4)
    void aFailedCallIsAnErrorSpanWithItsStatusAndCode() {
        assertEquals("NOT_FOUND", post("failed").getString("code"));
        Span failed = awaitSpan("communications.get", s -> "ERROR".equals(s.status));
        assertEquals("NOT_FOUND", failed.statusDescription);
        assertEquals(Map.of("error.type", "404", "wonderful.error.code", "NOT_FOUND", "http.response.status_code", "404"),
                failed.attributes("error.type", "wonderful.error.code", "http.response.status_code"));
    }

    @Test
    @Order(5)
    void aRefreshedCallSaysSoAndTheRefreshIsASpanOfItsOwnUnderIt() {
        JsonObject refreshed = post("refreshed");
        JWTS.add(refreshed.getString("jwt"));
        String sessionId = refreshed.getString("sessionId");
        awaitSpan("chat.session", s -> sessionId.equals(s.attr("wonderful.chat.session.id")));
        Span start = awaitSpan("chat.start", s -> "true".equals(s.attr("wonderful.refreshed")));
        assertEquals("bearer", start.attr("wonderful.credential.kind"));
        assertEquals("200", start.attr("http.response.status_code"));
        assertEquals("0", start.attr("wonderful.retry.count"), "a re-send after a 401 is no retry");
        Span refresh = awaitSpan("auth.refresh", s -> start.spanId.equals(s.parentSpanId));
        Span sign = awaitSpan("auth.sign", s -> refresh.spanId.equals(s.parentSpanId));
        assertEquals("UNSET", refresh.status);
        assertEquals("api_key", sign.attr("wonderful.credential.kind"));
    }

    @Test
    @Order(6)
    void theMetricsCountWhatHappened() {
        Exported exported = awaitMetrics(e -> e.sum("wonderful.chat.sessions.open", Map.of()) == 0
                && e.sum("wonderful.client.calls", Map.of("wonderful.operation", "chat.send", "wonderful.outcome", "success")) == 3);
        assertEquals(3, exported.sum("wonderful.client.calls", Map.of("wonderful.operation", "auth.sign", "wonderful.outcome", "success")),
                "the sign, the refresh's sign and the refreshed scenario's sign");
        assertEquals(1, exported.sum("wonderful.client.calls", Map.of("wonderful.operation", "communications.get",
                "wonderful.outcome", "failure", "wonderful.error.code", "NOT_FOUND")));
        assertEquals(3, exported.sum("wonderful.client.call.duration", Map.of("wonderful.operation", "chat.send")));
        assertEquals(1, exported.sum("wonderful.token.refreshes", Map.of("wonderful.outcome", "success")));
        assertTrue(exported.sum("wonderful.chat.reconnects", Map.of("wonderful.outcome", "success")) >= 1);
        assertEquals(3, exported.sum("wonderful.chat.messages", Map.of("wonderful.chat.direction", "sent")));
        assertTrue(exported.sum("wonderful.chat.messages", Map.of("wonderful.chat.direction", "received",
                "wonderful.chat.speaker", "agent")) >= 3);
        assertEquals("s", exported.metrics.get("wonderful.client.call.duration").unit);
    }

    @Test
    @Order(7)
    void noSecretNoMessageTextAndNoParticipantDataIsExported() {
        JWTS.add(post("sign").getString("jwt"));
        awaitMetrics(e -> e.sum("wonderful.client.calls", Map.of("wonderful.operation", "auth.sign", "wonderful.outcome", "success")) == 4);
        Exported exported = awaitSpans(e -> e.spans.stream().filter(s -> s.name.equals("auth.sign")).count() == 4);
        List<String> secrets = new ArrayList<>(List.of(Simulator.API_KEY, TelemetryScenarios.PHONE, TelemetryScenarios.NAME, TelemetryScenarios.PLAN, TelemetryScenarios.FIRST_TEXT,
                TelemetryScenarios.SECOND_TEXT, TelemetryScenarios.REFRESHED_TEXT, "You said"));
        assertEquals(3, JWTS.size());
        for (String jwt : JWTS) {
            secrets.add(jwt);
            secrets.add(jwt.substring(jwt.lastIndexOf('.') + 1));
        }
        for (String secret : secrets) {
            assertFalse(exported.dump.contains(secret), "exported telemetry contains " + secret);
        }
        assertTrue(exported.dump.contains("wonderful.chat.session.id"), "the dump is the real export");
    }

    // ---- reading the export ----

    private JsonObject post(String scenario) {
        HttpResponse<String> response = Simulator.send(HttpRequest.newBuilder(URI.create(base + "api/scenario/" + scenario))
                .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, response.statusCode(), scenario + ": " + response.body());
        return Simulator.parse(response.body()).orElseThrow().asJsonObject();
    }

    private Exported exported() {
        HttpResponse<String> response = Simulator.send(HttpRequest.newBuilder(URI.create(base + "api/scenario/exported"))
                .timeout(Duration.ofSeconds(30)).GET().build());
        assertEquals(200, response.statusCode(), response.body());
        return new Exported(Simulator.parse(response.body()).orElseThrow().asJsonObject());
    }

    private Span awaitSpan(String name, Predicate<Span> matching) {
        Exported exported = awaitSpans(e -> e.spans.stream().anyMatch(s -> s.name.equals(name) && matching.test(s)));
        return exported.spans.stream().filter(s -> s.name.equals(name) && matching.test(s)).findFirst().orElseThrow();
    }

    private Exported awaitSpans(Predicate<Exported> done) {
        return await(done, "spans");
    }

    private Exported awaitMetrics(Predicate<Exported> done) {
        return await(done, "metrics");
    }

    private Exported await(Predicate<Exported> done, String what) {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        Exported last;
        do {
            last = exported();
            if (done.test(last)) {
                return last;
            }
            pause();
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError("the expected " + what + " were not exported within " + WAIT_MILLIS + " ms; spans: "
                + last.spans.stream().map(s -> s.name).collect(Collectors.joining(", ")) + "; metrics: " + last.metrics);
    }

    private Span parentOf(Span span) {
        return awaitSpans(e -> e.span(span.parentSpanId).isPresent()).span(span.parentSpanId).orElseThrow();
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static final class Exported {
        final List<Span> spans = new ArrayList<>();
        final Map<String, Metric> metrics = new java.util.HashMap<>();
        final List<List<String>> traceparents = new ArrayList<>();
        final String dump;

        Exported(JsonObject json) {
            json.getJsonArray("spans").getValuesAs(JsonObject.class).forEach(s -> spans.add(new Span(s)));
            json.getJsonArray("metrics").getValuesAs(JsonObject.class).forEach(m -> metrics.put(m.getString("name"), new Metric(m)));
            json.getJsonArray("traceparents").forEach(v -> traceparents.add(v.asJsonArray().getValuesAs(jakarta.json.JsonString.class)
                    .stream().map(jakarta.json.JsonString::getString).toList()));
            dump = json.getString("dump");
        }

        Optional<Span> span(String spanId) {
            return spans.stream().filter(s -> s.spanId.equals(spanId)).findFirst();
        }

        /** The sum of the metric's points whose attributes include {@code labels}; 0 when not exported yet. */
        long sum(String metric, Map<String, String> labels) {
            Metric m = metrics.get(metric);
            return m == null ? 0 : m.points.stream()
                    .filter(p -> labels.entrySet().stream().allMatch(l -> l.getValue().equals(p.attributes.get(l.getKey()))))
                    .mapToLong(p -> p.value).sum();
        }
    }

    private static final class Span {
        final String name;
        final String kind;
        final String traceId;
        final String spanId;
        final String parentSpanId;
        final String status;
        final String statusDescription;
        final String scope;
        final Map<String, String> attributes;
        final List<Event> events = new ArrayList<>();

        Span(JsonObject json) {
            name = json.getString("name");
            kind = json.getString("kind");
            traceId = json.getString("traceId");
            spanId = json.getString("spanId");
            parentSpanId = json.getString("parentSpanId");
            status = json.getString("status");
            statusDescription = json.getString("statusDescription");
            scope = json.getString("scope");
            attributes = strings(json.getJsonObject("attributes"));
            json.getJsonArray("events").getValuesAs(JsonObject.class).forEach(e -> events.add(new Event(e)));
        }

        String attr(String key) {
            String value = attributes.get(key);
            assertNotNull(value, () -> "no attribute " + key + " on " + this);
            return value;
        }

        Map<String, String> attributes(String... keys) {
            Map<String, String> picked = new java.util.HashMap<>();
            for (String key : keys) {
                if (attributes.containsKey(key)) {
                    picked.put(key, attributes.get(key));
                }
            }
            return picked;
        }

        @Override
        public String toString() {
            return name + " " + kind + " " + spanId + " (parent " + parentSpanId + ") " + status + " " + attributes;
        }
    }

    private static final class Event {
        final String name;
        final Map<String, String> attributes;

        Event(JsonObject json) {
            name = json.getString("name");
            attributes = strings(json.getJsonObject("attributes"));
        }
    }

    private static final class Metric {
        final String unit;
        final List<Point> points = new ArrayList<>();

        Metric(JsonObject json) {
            unit = json.getString("unit");
            json.getJsonArray("points").getValuesAs(JsonObject.class).forEach(p -> points.add(
                    new Point(strings(p.getJsonObject("attributes")), p.getJsonNumber("value").longValue())));
        }

        @Override
        public String toString() {
            return points.toString();
        }
    }

    private record Point(Map<String, String> attributes, long value) {
    }

    private static Map<String, String> strings(JsonObject json) {
        Map<String, String> values = new java.util.HashMap<>();
        json.forEach((k, v) -> values.put(k, ((jakarta.json.JsonString) v).getString()));
        return values;
    }
}
