package cx.wonderful.microprofile.internal.telemetry;

import cx.wonderful.microprofile.Wonderful;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.auth.TokenRefresher;
import cx.wonderful.microprofile.internal.realtime.ChatSocketListener;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.DoubleHistogramBuilder;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongUpDownCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Records the library's spans and metrics on the application's {@link OpenTelemetry}. Only loaded when the API is
 * visible; made only when that instance records (a no-op one, as MicroProfile Telemetry injects while
 * {@code otel.sdk.disabled=true}, yields no recorder at all).
 */
final class OtelRecorder implements Telemetry.Recorder {

    private static final Logger LOG = Logger.getLogger(OtelRecorder.class.getName());

    static final AttributeKey<String> OPERATION = AttributeKey.stringKey(Names.OPERATION);
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey(Names.OUTCOME);
    static final AttributeKey<String> ERROR_CODE = AttributeKey.stringKey(Names.ERROR_CODE);
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey(Names.ERROR_TYPE);
    static final AttributeKey<String> HTTP_METHOD = AttributeKey.stringKey(Names.HTTP_METHOD);
    static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey(Names.HTTP_STATUS);
    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey(Names.SERVER_ADDRESS);
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey(Names.SERVER_PORT);
    static final AttributeKey<String> URL_TEMPLATE = AttributeKey.stringKey(Names.URL_TEMPLATE);
    static final AttributeKey<Long> RETRY_COUNT = AttributeKey.longKey(Names.RETRY_COUNT);
    static final AttributeKey<Boolean> REFRESHED = AttributeKey.booleanKey(Names.REFRESHED);
    static final AttributeKey<String> CREDENTIAL_KIND = AttributeKey.stringKey(Names.CREDENTIAL_KIND);
    static final AttributeKey<String> DIRECTION = AttributeKey.stringKey(Names.DIRECTION);
    /** Explicit boundaries in seconds, those the semantic conventions advise for HTTP client durations. */
    private static final List<Double> DURATION_BUCKETS = List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5,
            0.75, 1.0, 2.5, 5.0, 7.5, 10.0);
    private static final Attributes SENT = Attributes.of(DIRECTION, "sent");
    /**
     * Whether the runtime's API takes bucket advice (OpenTelemetry API 1.32 and later): Payara Micro 6 exports 1.29,
     * where the call would fail with {@code NoSuchMethodError}; there the SDK's default buckets apply.
     */
    static final boolean BUCKET_ADVICE = declares(DoubleHistogramBuilder.class, "setExplicitBucketBoundariesAdvice", List.class);

    final Tracer tracer;
    final TextMapPropagator propagator;
    private final LongCounter calls;
    private final DoubleHistogram duration;
    private final LongCounter refreshes;
    final LongCounter reconnects;
    final LongUpDownCounter openSessions;
    final LongCounter messages;

    private OtelRecorder(OpenTelemetry openTelemetry, Tracer tracer) {
        this.tracer = tracer;
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        Meter meter = openTelemetry.getMeterProvider().meterBuilder(Names.SCOPE).setInstrumentationVersion(Wonderful.version()).build();
        this.calls = meter.counterBuilder(Names.METRIC_CALLS).setUnit("{call}")
                .setDescription("Wonderful API calls, by operation and outcome (retries and re-sends inside one call)").build();
        DoubleHistogramBuilder durations = meter.histogramBuilder(Names.METRIC_CALL_DURATION).setUnit("s")
                .setDescription("Duration of Wonderful API calls, retries and re-sends included");
        this.duration = (BUCKET_ADVICE ? durations.setExplicitBucketBoundariesAdvice(DURATION_BUCKETS) : durations).build();
        this.refreshes = meter.counterBuilder(Names.METRIC_REFRESHES).setUnit("{refresh}")
                .setDescription("Token refreshes, by outcome").build();
        this.reconnects = meter.counterBuilder(Names.METRIC_RECONNECTS).setUnit("{attempt}")
                .setDescription("Chat WebSocket reconnect attempts, by outcome").build();
        this.openSessions = meter.upDownCounterBuilder(Names.METRIC_OPEN_SESSIONS).setUnit("{session}")
                .setDescription("Chat sessions whose connection is open or being re-established").build();
        this.messages = meter.counterBuilder(Names.METRIC_MESSAGES).setUnit("{message}")
                .setDescription("Chat messages sent (accepted by the server) and transcripts received, by direction").build();
    }

    /** The recorder on the application's {@code OpenTelemetry} bean, or null when there is none or it is a no-op. */
    static Telemetry.Recorder fromCdi(BeanManager beanManager) {
        Instance<OpenTelemetry> candidates = beanManager.createInstance().select(OpenTelemetry.class);
        if (!candidates.isResolvable()) {
            LOG.fine("no OpenTelemetry bean (MicroProfile Telemetry is not enabled): no telemetry");
            return null;
        }
        return on(candidates.get());
    }

    static boolean declares(Class<?> type, String method, Class<?>... parameterTypes) {
        try {
            type.getMethod(method, parameterTypes);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** The recorder on {@code openTelemetry}, or null when it is a no-op. */
    static Telemetry.Recorder on(OpenTelemetry openTelemetry) {
        Tracer tracer = openTelemetry.getTracerProvider().tracerBuilder(Names.SCOPE)
                .setInstrumentationVersion(Wonderful.version()).build();
        // A no-op tracer (the SDK disabled) gives an invalid span context; a real one a valid one, even unsampled.
        // The probe span is never ended, so it is never exported.
        if (!tracer.spanBuilder("wonderful.probe").setNoParent().startSpan().getSpanContext().isValid()) {
            LOG.fine("the OpenTelemetry instance is a no-op (otel.sdk.disabled=true): no telemetry");
            return null;
        }
        return new OtelRecorder(openTelemetry, tracer);
    }

    @Override
    public Telemetry.Call begin(String operation) {
        long start = System.nanoTime();
        Span span = tracer.spanBuilder(operation).setSpanKind(SpanKind.CLIENT).setAttribute(OPERATION, operation).startSpan();
        OtelCall record = new OtelCall(this, span);
        return new Telemetry.Call() {
            @Override
            public <T> T attempt(Supplier<T> attempt) {
                CallRecord previous = record.enter();
                try (Scope ignored = span.makeCurrent()) {
                    return attempt.get();
                } finally {
                    CallRecord.leave(previous);
                }
            }

            @Override
            public void end(Throwable failure) {
                finish(operation, record, failure, start);
            }
        };
    }

    private void finish(String operation, OtelCall record, Throwable failure, long start) {
        Span span = record.span;
        if (record.method != null) {
            span.setAttribute(HTTP_METHOD, record.method);
            span.setAttribute(SERVER_ADDRESS, record.serverAddress);
            span.setAttribute(SERVER_PORT, (long) record.serverPort);
            span.setAttribute(CREDENTIAL_KIND, record.credentialKind);
        }
        if (record.template != null) {
            span.setAttribute(URL_TEMPLATE, record.template);
        }
        if (record.lastStatus != 0) {
            span.setAttribute(HTTP_STATUS, (long) record.lastStatus);
        }
        span.setAttribute(RETRY_COUNT, (long) record.retries());
        span.setAttribute(REFRESHED, record.refreshed);
        AttributesBuilder labels = Attributes.builder().put(OPERATION, operation);
        if (failure == null) {
            labels.put(OUTCOME, Names.OUTCOME_SUCCESS);
            if (Names.OPERATION_CHAT_SEND.equals(operation)) {
                messages.add(1, SENT);
            }
        } else {
            String code = failure instanceof WonderfulException wonderful ? wonderful.code().name() : null;
            int status = failure instanceof WonderfulException wonderful ? wonderful.httpStatus().orElse(0) : record.lastStatus;
            String errorType = status >= 400 ? Integer.toString(status) : code != null ? code : failure.getClass().getName();
            span.setAttribute(ERROR_TYPE, errorType);
            if (code != null) {
                span.setAttribute(ERROR_CODE, code);
                labels.put(ERROR_CODE, code);
            }
            // The code, never the message: a message can quote what a server echoed.
            span.setStatus(StatusCode.ERROR, code != null ? code : errorType);
            labels.put(OUTCOME, Names.OUTCOME_FAILURE).put(ERROR_TYPE, errorType);
        }
        Attributes attributes = labels.build();
        calls.add(1, attributes);
        duration.record((System.nanoTime() - start) / 1e9, attributes);
        span.end();
    }

    @Override
    public String refresh(TokenRefresher refresher, String entityId) {
        CallRecord call = CallRecord.current();
        if (call != null) {
            call.refreshed = true;
        }
        Span span = tracer.spanBuilder(Names.SPAN_REFRESH).setSpanKind(SpanKind.INTERNAL).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            String fresh = refresher.refresh(entityId);
            refreshes.add(1, Attributes.of(OUTCOME, Names.OUTCOME_SUCCESS));
            return fresh;
        } catch (RuntimeException e) {
            String code = e instanceof WonderfulException wonderful ? wonderful.code().name() : e.getClass().getName();
            span.setAttribute(ERROR_TYPE, code);
            if (e instanceof WonderfulException) {
                span.setAttribute(ERROR_CODE, code);
            }
            span.setStatus(StatusCode.ERROR, code);
            refreshes.add(1, Attributes.of(OUTCOME, Names.OUTCOME_FAILURE));
            throw e;
        } finally {
            span.end();
        }
    }

    @Override
    public ChatSocketListener observe(String sessionId, ChatSocketListener listener) {
        return new OtelChatSession(this, sessionId, listener);
    }
}
