package cx.wonderful.microprofile.internal.telemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import jakarta.ws.rs.core.MultivaluedMap;

/** A {@link CallRecord} with its span: the trace context a request of the call carries is that span's. */
final class OtelCall extends CallRecord {

    private static final TextMapSetter<MultivaluedMap<String, Object>> HEADERS = (headers, name, value) -> {
        if (headers != null) {
            headers.putSingle(name, value);
        }
    };

    private final OtelRecorder recorder;
    final Span span;

    OtelCall(OtelRecorder recorder, Span span) {
        this.recorder = recorder;
        this.span = span;
    }

    @Override
    void inject(MultivaluedMap<String, Object> headers) {
        recorder.propagator.inject(Context.current().with(span), headers, HEADERS);
    }
}
