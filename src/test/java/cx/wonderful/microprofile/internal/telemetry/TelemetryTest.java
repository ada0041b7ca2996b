package cx.wonderful.microprofile.internal.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.auth.TokenRefresher;
import cx.wonderful.microprofile.internal.realtime.ChatSocketListener;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.metrics.DoubleHistogramBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TelemetryTest {

    private static final String SECRET_TEXT = "my card is 4111 1111 1111 1111";

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private OpenTelemetrySdk sdk;
    private Telemetry telemetry;

    @BeforeEach
    void setUp() {
        sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        telemetry = new Telemetry(OtelRecorder.on(sdk));
    }

    @AfterEach
    void tearDown() {
        sdk.close();
    }

    @Test
    void aCallIsAClientSpanChildOfTheCallersSpanWithTheRequestsAttributes() {
        Span caller = sdk.getTracer("test").spanBuilder("GET /app").startSpan();
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        try (Scope ignored = caller.makeCurrent()) {
            String answer = telemetry.call("communications.get", () -> {
                request("GET", URI.create("https://acme.api.wonderful.ai/api/v1/communications/c-1"), headers, "x-api-key");
                respond(200);
                return "ok";
            });
            assertEquals("ok", answer);
        } finally {
            caller.end();
        }
        SpanData span = span("communications.get");
        assertEquals(SpanKind.CLIENT, span.getKind());
        assertEquals(caller.getSpanContext().getSpanId(), span.getParentSpanId());
        assertEquals("GET", attr(span, Names.HTTP_METHOD));
        assertEquals("acme.api.wonderful.ai", attr(span, Names.SERVER_ADDRESS));
        assertEquals(443L, attr(span, Names.SERVER_PORT));
        assertEquals("/api/v1/communications/{id}", attr(span, Names.URL_TEMPLATE));
        assertEquals(200L, attr(span, Names.HTTP_STATUS));
        assertEquals(0L, attr(span, Names.RETRY_COUNT));
        assertEquals(false, attr(span, Names.REFRESHED));
        assertEquals("api_key", attr(span, Names.CREDENTIAL_KIND));
        assertEquals("communications.get", attr(span, Names.OPERATION));
        assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
        String traceparent = (String) headers.getFirst(CallFilter.TRACEPARENT);
        assertEquals("00-" + span.getTraceId() + "-" + span.getSpanId() + "-01", traceparent);
        assertEquals(1, counter(Names.METRIC_CALLS, "communications.get", Names.OUTCOME_SUCCESS));
        assertEquals(1, histogramCount("communications.get"));
    }

    // Payara Micro 6 exports the OpenTelemetry API 1.29, without bucket advice: the recorder must not call it there.
    @Test
    void bucketAdviceIsAskedOnlyOfAnApiThatHasIt() {
        assertTrue(OtelRecorder.BUCKET_ADVICE, "the build's API (1.39) takes bucket advice");
        assertTrue(OtelRecorder.declares(DoubleHistogramBuilder.class, "setExplicitBucketBoundariesAdvice", List.class));
        assertFalse(OtelRecorder.declares(DoubleHistogramBuilder.class, "setExplicitBucketBoundariesAdvice", Map.class));
    }

    @Test
    void aTraceContextAlreadyOnTheRequestIsLeftAlone() {
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        headers.putSingle("Traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        telemetry.call("chat.send", () -> request("POST", URI.create("http://localhost:9080/x"), headers, "Authorization"));
        assertEquals(List.of("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"), headers.get("Traceparent"));
        assertFalse(headers.containsKey(CallFilter.TRACEPARENT));
    }

    @Test
    void aRefreshedAndRetriedCallSaysSoAndTheRefreshIsItsChildSpan() {
        TokenRefresher refresher = telemetry.refreshing(entityId -> "fresh-token");
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        URI uri = URI.create("http://localhost:9080/api/workspace/ws/v3/chat/s-1");
        telemetry.call("chat.send", () -> {
            request("POST", uri, headers, "Authorization");
            respond(401);
            refresher.refresh("user-1");
            request("POST", uri, headers, "Authorization"); // the re-send
            request("POST", uri, headers, "Authorization"); // a retry after a failure without an answer
            respond(200);
            return null;
        });
        SpanData call = span("chat.send");
        SpanData refresh = span(Names.SPAN_REFRESH);
        assertEquals(call.getSpanId(), refresh.getParentSpanId());
        assertEquals(true, attr(call, Names.REFRESHED));
        assertEquals(1L, attr(call, Names.RETRY_COUNT));
        assertEquals("bearer", attr(call, Names.CREDENTIAL_KIND));
        assertEquals(1, counter(Names.METRIC_REFRESHES, null, Names.OUTCOME_SUCCESS));
        assertEquals(1, sum(Names.METRIC_MESSAGES, Map.of(Names.DIRECTION, "sent")));
    }

    @Test
    void aFailedCallIsAnErrorSpanWithTheCodeAndNoMessage() {
        WonderfulException refused = new WonderfulException(ErrorCode.UNAUTHORIZED, "refused: " + SECRET_TEXT, 401, false, null);
        assertSame(refused, assertThrows(WonderfulException.class, () -> telemetry.call("auth.sign", () -> {
            throw refused;
        })));
        SpanData span = span("auth.sign");
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
        assertEquals("UNAUTHORIZED", span.getStatus().getDescription());
        assertEquals("401", attr(span, Names.ERROR_TYPE));
        assertEquals("UNAUTHORIZED", attr(span, Names.ERROR_CODE));
        assertEquals(1, counter(Names.METRIC_CALLS, "auth.sign", Names.OUTCOME_FAILURE));
        assertNoText(SECRET_TEXT);
    }

    @Test
    void aFailedRefreshIsCountedAndItsSpanIsAnError() {
        TokenRefresher refresher = telemetry.refreshing(entityId -> {
            throw new WonderfulException(ErrorCode.TOKEN_REFRESH_FAILED, "no");
        });
        assertThrows(WonderfulException.class, () -> refresher.refresh("u"));
        assertEquals(StatusCode.ERROR, span(Names.SPAN_REFRESH).getStatus().getStatusCode());
        assertEquals(1, counter(Names.METRIC_REFRESHES, null, Names.OUTCOME_FAILURE));
    }

    @Test
    void aChatSessionsConnectionLifeIsOneSpanWithItsEventsAndMetrics() {
        List<String> delegated = new ArrayList<>();
        ChatSocketListener listener = telemetry.observe("session-1", recording(delegated));
        Map<String, List<String>> handshake = new HashMap<>();
        listener.beforeHandshake(handshake);
        listener.onOpen(0);
        assertEquals(1, sum(Names.METRIC_OPEN_SESSIONS, Map.of()));
        listener.onText("{\"type\":\"transcript\",\"data\":{\"id\":\"t1\",\"speaker\":\"agent\",\"text\":\"" + SECRET_TEXT + "\"}}");
        listener.onText("not json at all");
        listener.onDisconnected(true, 1011, "server restarting", 0);
        listener.onDisconnected(true, 1006, "attempt failed", 1);
        listener.onOpen(2);
        listener.onText("{\"type\":\"communication_ended\"}");
        listener.onClosed(1000, "bye");

        SpanData span = span(Names.SPAN_CHAT_SESSION);
        assertEquals("session-1", attr(span, Names.SESSION_ID));
        assertEquals(List.of("connected", "disconnected", "disconnected", "reconnected", "ended", "closed"),
                span.getEvents().stream().map(e -> e.getName()).toList());
        assertEquals(1011L, span.getEvents().get(1).getAttributes().get(AttributeKey.longKey(Names.CLOSE_CODE)));
        assertEquals(true, span.getEvents().get(1).getAttributes().get(AttributeKey.booleanKey(Names.WILL_RETRY)));
        assertEquals(List.of("00-" + span.getTraceId() + "-" + span.getSpanId() + "-01"), handshake.get("traceparent"));
        assertEquals(1, sum(Names.METRIC_RECONNECTS, Map.of(Names.OUTCOME, Names.OUTCOME_SUCCESS)));
        assertEquals(1, sum(Names.METRIC_RECONNECTS, Map.of(Names.OUTCOME, Names.OUTCOME_FAILURE)));
        assertEquals(1, sum(Names.METRIC_MESSAGES, Map.of(Names.DIRECTION, "received", Names.SPEAKER, "agent")));
        assertEquals(0, sum(Names.METRIC_OPEN_SESSIONS, Map.of()));
        assertEquals(List.of("handshake", "open 0", "text", "text", "disconnected 0", "disconnected 1", "open 2", "text",
                "closed 1000"), delegated);
        assertNoText(SECRET_TEXT);
        assertNoText("server restarting");
    }

    @Test
    void tasksRunInTheContextOfWhoeverHandedThemOver() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Span caller = sdk.getTracer("test").spanBuilder("request").startSpan();
            Executor inContext;
            try (Scope ignored = caller.makeCurrent()) {
                inContext = Telemetry.inCurrentContext(pool);
            }
            CompletableFuture.supplyAsync(() -> telemetry.call("chat.end", () -> null), inContext).get();
            caller.end();
            assertEquals(caller.getSpanContext().getSpanId(), span("chat.end").getParentSpanId());
            assertSame(pool, Telemetry.inCurrentContext(pool), "no context, no wrapper");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRefreshOnAnotherThreadIsStillTheCallsChildAndMarksItRefreshed() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Executor refreshThreads = Telemetry.inSubmittersContext(pool);
            TokenRefresher refresher = telemetry.refreshing(entityId -> "fresh-token");
            MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
            URI uri = URI.create("http://localhost:9080/api/workspace/ws/v3/chat/s-1");
            telemetry.call("chat.send", () -> {
                request("POST", uri, headers, "Authorization");
                respond(401);
                CompletableFuture<String> refreshed = new CompletableFuture<>();
                refreshThreads.execute(() -> refreshed.complete(refresher.refresh("user-1")));
                assertEquals("fresh-token", refreshed.join());
                request("POST", uri, headers, "Authorization");
                respond(200);
                return null;
            });
            SpanData call = span("chat.send");
            assertEquals(call.getSpanId(), span(Names.SPAN_REFRESH).getParentSpanId());
            assertEquals(true, attr(call, Names.REFRESHED));
            CompletableFuture<Boolean> outside = new CompletableFuture<>();
            refreshThreads.execute(() -> outside.complete(CallRecord.current() == null));
            assertTrue(outside.get(), "the pool's thread keeps no call after the task");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRequestWithoutARestClientMethodTakesItsRouteFromTheProperty() {
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        telemetry.call("communications.list", () -> {
            ClientRequestContext request = (ClientRequestContext) Proxy.newProxyInstance(TelemetryTest.class.getClassLoader(),
                    new Class<?>[] {ClientRequestContext.class}, (proxy, m, args) -> switch (m.getName()) {
                        case "getMethod" -> "GET";
                        case "getUri" -> URI.create("http://localhost:9080/api/v1/communications?filters=%7B%7D");
                        case "getHeaders" -> headers;
                        case "getProperty" -> Telemetry.URL_TEMPLATE_PROPERTY.equals(args[0]) ? "/api/v1/communications" : null;
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
            CallFilter.INSTANCE.filter(request);
            respond(200);
            return null;
        });
        assertEquals("/api/v1/communications", attr(span("communications.list"), Names.URL_TEMPLATE));
    }

    @Test
    void aNoOpOpenTelemetryOrTheSwitchGivesNoRecorder() {
        assertNull(OtelRecorder.on(OpenTelemetry.noop()));
        assertFalse(new Telemetry((Telemetry.Recorder) null).recording());
        assertFalse(Telemetry.off().recording());
        assertTrue(telemetry.recording());
        ChatSocketListener listener = recording(new ArrayList<>());
        assertSame(listener, Telemetry.off().observe("s", listener));
        TokenRefresher refresher = entityId -> "t";
        assertSame(refresher, Telemetry.off().refreshing(refresher));
    }

    @Test
    void routeTemplatesJoinTheInterfaceAndMethodPaths() throws Exception {
        assertEquals("/api/v1/communications/{id}", CallFilter.template(Routes.class.getMethod("get")));
        assertEquals("/api/v1/communications", CallFilter.template(Routes.class.getMethod("list")));
    }

    @Path("/api/v1/communications")
    interface Routes {
        @GET
        @Path("{id}")
        String get();

        @GET
        String list();
    }

    // ---- helpers ----

    private static Object request(String method, URI uri, MultivaluedMap<String, Object> headers, String credentialHeader) {
        headers.putSingle(credentialHeader, "the-secret-credential");
        Map<String, Object> properties = new HashMap<>();
        try {
            properties.put(CallFilter.INVOKED_METHOD, Routes.class.getMethod(uri.getPath().endsWith("c-1") ? "get" : "list"));
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
        ClientRequestContext request = (ClientRequestContext) Proxy.newProxyInstance(TelemetryTest.class.getClassLoader(),
                new Class<?>[] {ClientRequestContext.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getUri" -> uri;
                    case "getHeaders" -> headers;
                    case "getProperty" -> properties.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        CallFilter.INSTANCE.filter(request);
        return null;
    }

    private static void respond(int status) {
        ClientResponseContext response = (ClientResponseContext) Proxy.newProxyInstance(TelemetryTest.class.getClassLoader(),
                new Class<?>[] {ClientResponseContext.class}, (proxy, m, args) -> {
                    if (m.getName().equals("getStatus")) {
                        return status;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        CallFilter.INSTANCE.filter(null, response);
    }

    private static ChatSocketListener recording(List<String> log) {
        return new ChatSocketListener() {
            @Override
            public void onOpen(int reconnectAttempts) {
                log.add("open " + reconnectAttempts);
            }

            @Override
            public void onText(String text) {
                log.add("text");
            }

            @Override
            public void onDisconnected(boolean willRetry, int code, String reason, int attempt) {
                log.add("disconnected " + attempt);
            }

            @Override
            public void onFailed(WonderfulException error) {
                log.add("failed");
            }

            @Override
            public void onClosed(int code, String reason) {
                log.add("closed " + code);
            }

            @Override
            public void beforeHandshake(Map<String, List<String>> headers) {
                log.add("handshake");
            }
        };
    }

    private SpanData span(String name) {
        List<SpanData> named = spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).toList();
        assertEquals(1, named.size(), () -> "spans named " + name + " in " + spans.getFinishedSpanItems());
        return named.get(0);
    }

    private static Object attr(SpanData span, String key) {
        return span.getAttributes().asMap().entrySet().stream().filter(e -> e.getKey().getKey().equals(key))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private List<MetricData> allMetrics;

    private List<MetricData> metrics() {
        if (allMetrics == null) {
            allMetrics = new ArrayList<>(metrics.collectAllMetrics());
        }
        return allMetrics;
    }

    private long counter(String metric, String operation, String outcome) {
        Map<String, String> labels = new HashMap<>();
        if (operation != null) {
            labels.put(Names.OPERATION, operation);
        }
        labels.put(Names.OUTCOME, outcome);
        return sum(metric, labels);
    }

    private long sum(String metric, Map<String, String> labels) {
        allMetrics = null;
        MetricData data = metrics().stream().filter(m -> m.getName().equals(metric)).findFirst().orElse(null);
        assertNotNull(data, () -> metric + " in " + metrics());
        return data.getLongSumData().getPoints().stream()
                .filter(p -> labels.entrySet().stream().allMatch(l -> l.getValue().equals(
                        p.getAttributes().get(AttributeKey.stringKey(l.getKey())))))
                .mapToLong(p -> p.getValue()).sum();
    }

    private long histogramCount(String operation) {
        allMetrics = null;
        MetricData data = metrics().stream().filter(m -> m.getName().equals(Names.METRIC_CALL_DURATION)).findFirst().orElseThrow();
        assertEquals("s", data.getUnit());
        return data.getHistogramData().getPoints().stream()
                .filter(p -> operation.equals(p.getAttributes().get(AttributeKey.stringKey(Names.OPERATION))))
                .mapToLong(p -> p.getCount()).sum();
    }

    /** Nothing exported (span names, attributes, events, statuses, metric labels) contains {@code text}. */
    private void assertNoText(String text) {
        StringBuilder all = new StringBuilder();
        for (SpanData span : spans.getFinishedSpanItems()) {
            all.append(span.getName()).append(span.getAttributes()).append(span.getStatus());
            span.getEvents().forEach(e -> all.append(e.getName()).append(e.getAttributes()));
        }
        allMetrics = null;
        metrics().forEach(m -> all.append(m));
        assertFalse(all.toString().contains(text), "exported telemetry contains " + text);
        assertFalse(all.toString().contains("the-secret-credential"), "exported telemetry contains the credential");
    }
}
