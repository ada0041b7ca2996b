package cx.wonderful.microprofile.internal.telemetry;

import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.internal.JsonValues;
import cx.wonderful.microprofile.internal.WireContract;
import cx.wonderful.microprofile.internal.realtime.ChatSocketListener;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The connection life of one chat session, recorded around the session's socket listener: the span
 * {@code chat.session} (from the first handshake to the socket's end) with the events {@code connected},
 * {@code disconnected}, {@code reconnected}, {@code ended}, {@code failed} and {@code closed}; the open-session
 * count; reconnect attempts by outcome; transcripts received by speaker. The trace context of every handshake is
 * this span's. Reads a frame's {@code type} and {@code speaker}, never its text.
 */
final class OtelChatSession implements ChatSocketListener {

    private static final AttributeKey<String> SESSION_ID = AttributeKey.stringKey(Names.SESSION_ID);
    private static final AttributeKey<Long> CLOSE_CODE = AttributeKey.longKey(Names.CLOSE_CODE);
    private static final AttributeKey<Boolean> WILL_RETRY = AttributeKey.booleanKey(Names.WILL_RETRY);
    private static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey(Names.ATTEMPT);
    private static final AttributeKey<String> SPEAKER = AttributeKey.stringKey(Names.SPEAKER);
    private static final Set<String> SPEAKERS = Set.of(WireContract.SPEAKER_CUSTOMER, WireContract.SPEAKER_AGENT,
            WireContract.SPEAKER_SYSTEM, WireContract.SPEAKER_HUMAN_AGENT);
    private static final Attributes RECONNECTED = Attributes.of(OtelRecorder.OUTCOME, Names.OUTCOME_SUCCESS);
    private static final Attributes RECONNECT_FAILED = Attributes.of(OtelRecorder.OUTCOME, Names.OUTCOME_FAILURE);
    private static final TextMapSetter<Map<String, List<String>>> HEADERS = (headers, name, value) -> {
        if (headers != null) {
            headers.put(name, new ArrayList<>(List.of(value)));
        }
    };

    private final OtelRecorder recorder;
    private final ChatSocketListener delegate;
    private final Span span;
    private final Context context;
    private final AtomicBoolean open = new AtomicBoolean();
    private final AtomicBoolean over = new AtomicBoolean();

    OtelChatSession(OtelRecorder recorder, String sessionId, ChatSocketListener delegate) {
        this.recorder = recorder;
        this.delegate = delegate;
        this.span = recorder.tracer.spanBuilder(Names.SPAN_CHAT_SESSION).setSpanKind(SpanKind.CLIENT)
                .setAttribute(SESSION_ID, sessionId).startSpan();
        this.context = Context.current().with(span);
    }

    @Override
    public void beforeHandshake(Map<String, List<String>> headers) {
        recorder.propagator.inject(context, headers, HEADERS);
        delegate.beforeHandshake(headers);
    }

    @Override
    public void onOpen(int reconnectAttempts) {
        if (reconnectAttempts == 0) {
            span.addEvent(Names.EVENT_CONNECTED);
        } else {
            span.addEvent(Names.EVENT_RECONNECTED, Attributes.of(ATTEMPT, (long) reconnectAttempts));
            recorder.reconnects.add(1, RECONNECTED);
        }
        if (open.compareAndSet(false, true)) {
            recorder.openSessions.add(1);
        }
        delegate.onOpen(reconnectAttempts);
    }

    @Override
    public void onText(String text) {
        JsonObject frame = parse(text);
        if (frame != null) {
            String type = frame.getString(WireContract.WS_FIELD_TYPE, "");
            if (WireContract.WS_TYPE_TRANSCRIPT.equals(type)) {
                recorder.messages.add(1, Attributes.of(OtelRecorder.DIRECTION, "received", SPEAKER, speaker(frame)));
            } else if (WireContract.WS_TYPE_COMMUNICATION_ENDED.equals(type)) {
                span.addEvent(Names.EVENT_ENDED);
            }
        }
        delegate.onText(text);
    }

    @Override
    public void onDisconnected(boolean willRetry, int code, String reason, int attempt) {
        span.addEvent(Names.EVENT_DISCONNECTED, Attributes.of(CLOSE_CODE, (long) code, WILL_RETRY, willRetry,
                ATTEMPT, (long) attempt));
        if (attempt > 0) {
            recorder.reconnects.add(1, RECONNECT_FAILED);
        }
        delegate.onDisconnected(willRetry, code, reason, attempt);
    }

    @Override
    public void onFailed(WonderfulException error) {
        span.addEvent(Names.EVENT_FAILED, Attributes.of(OtelRecorder.ERROR_CODE, error.code().name()));
        span.setAttribute(OtelRecorder.ERROR_CODE, error.code().name());
        span.setStatus(StatusCode.ERROR, error.code().name());
        end();
        delegate.onFailed(error);
    }

    @Override
    public void onClosed(int code, String reason) {
        span.addEvent(Names.EVENT_CLOSED, Attributes.of(CLOSE_CODE, (long) code));
        end();
        delegate.onClosed(code, reason);
    }

    private void end() {
        if (over.compareAndSet(false, true)) {
            if (open.get()) {
                recorder.openSessions.add(-1);
            }
            span.end();
        }
    }

    private static String speaker(JsonObject frame) {
        JsonValue data = frame.get(WireContract.WS_FIELD_DATA);
        if (data instanceof JsonObject object && object.get(WireContract.WS_FIELD_SPEAKER) instanceof JsonString s
                && SPEAKERS.contains(s.getString())) {
            return s.getString();
        }
        return "other";
    }

    private static JsonObject parse(String text) {
        try (JsonReader reader = JsonValues.JSON.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? object : null;
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }
}
