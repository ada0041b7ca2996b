package cx.wonderful.microprofile.internal.telemetry;

import cx.wonderful.microprofile.auth.TokenRefresher;
import cx.wonderful.microprofile.internal.Setting;
import cx.wonderful.microprofile.internal.realtime.ChatSocketListener;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.Priorities;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The library's instrumentation points: spans and metrics of API calls, token refreshes and chat connections
 * (README, "Telemetry"). Records only when the OpenTelemetry API is visible to the application, the runtime
 * provides an {@code OpenTelemetry} bean that records (MicroProfile Telemetry, {@code otel.sdk.disabled=false}),
 * and {@code wonderful.telemetry.enabled} is not {@code false}; decided once, when the bean is created. Otherwise
 * every method hands its argument back or runs it as is: no OpenTelemetry class is loaded and nothing is allocated.
 *
 * <p>Never recorded: a credential, a message text, a participant's address, a metadata value, a full URL (its
 * path holds ids and its query may hold filter values: the route template is recorded instead).
 */
public final class Telemetry {

    /** Priority of {@link #restClientFilter()}: after the runtime's own client instrumentation (default priority). */
    public static final int FILTER_PRIORITY = Priorities.USER + 500;
    /**
     * Request property naming the route ({@code url.template}) of a request sent without a MicroProfile Rest Client
     * interface method, whose path holds no ids (the library's own Jakarta REST client requests).
     */
    public static final String URL_TEMPLATE_PROPERTY = "cx.wonderful.microprofile.internal.telemetry.url-template";

    static final String API_CLASS = "io.opentelemetry.api.OpenTelemetry";
    private static final Logger LOG = Logger.getLogger(Telemetry.class.getName());
    private static final boolean API_VISIBLE = visible(API_CLASS, Telemetry.class.getClassLoader());
    private static final Telemetry OFF = new Telemetry((Recorder) null);

    private final Recorder recorder;

    /**
     * The application's telemetry: the runtime's OpenTelemetry bean (MicroProfile Telemetry), unless
     * {@code wonderful.telemetry.enabled=false} or the API is not visible; decided once, by the CDI layer.
     */
    public static Telemetry fromCdi(BeanManager beanManager, Config config) {
        return new Telemetry(select(beanManager, config.getOptionalValue(Setting.TELEMETRY_ENABLED.key(), Boolean.class)
                .orElse(Setting.TELEMETRY_ENABLED.defaultFlag())));
    }

    Telemetry(Recorder recorder) {
        this.recorder = recorder;
    }

    /** The facade that records nothing: for code outside CDI, and the default of every call path. */
    public static Telemetry off() {
        return OFF;
    }

    /** Whether this instance records spans and metrics. */
    public boolean recording() {
        return recorder != null;
    }

    /**
     * Runs one API call (its retries and re-sends included) as the span {@code operation}, a child of the current
     * span, and counts it. Must be called on the thread that sends the request: the library's rest client filter
     * finds the call there and adds what the request and its answers show.
     *
     * @param operation the span name and {@code wonderful.operation}, for example {@code chat.send}
     */
    public <T> T call(String operation, Supplier<T> call) {
        Objects.requireNonNull(call, "call");
        Call recorded = begin(operation);
        try {
            T result = recorded.attempt(call);
            recorded.end(null);
            return result;
        } catch (RuntimeException e) {
            recorded.end(e);
            throw e;
        }
    }

    /**
     * Begins one API call whose attempts may run on other threads and at later times (a retry scheduled after a
     * delay): the span {@code operation} starts now, as a child of the current span; each attempt runs in it through
     * {@link Call#attempt}; {@link Call#end} ends it once.
     *
     * @param operation the span name and {@code wonderful.operation}, for example {@code chat.send}
     */
    public Call begin(String operation) {
        Objects.requireNonNull(operation, "operation");
        Recorder current = recorder;
        return current == null ? Call.UNRECORDED : current.begin(operation);
    }

    /** One API call being recorded: see {@link #begin}. */
    public interface Call {

        /** The call that records nothing. */
        Call UNRECORDED = new Call() {
            @Override
            public <T> T attempt(Supplier<T> attempt) {
                return attempt.get();
            }

            @Override
            public void end(Throwable failure) {
            }
        };

        /**
         * Runs one attempt of the call (its requests) on this thread, in the call's span: the rest client filter
         * adds what its requests show to the call.
         */
        <T> T attempt(Supplier<T> attempt);

        /** Ends the call: with {@code failure} when it failed, {@code null} when it succeeded. Called once. */
        void end(Throwable failure);
    }

    /** {@code refresher} whose every refresh is the span {@code auth.refresh} and is counted by outcome. */
    public TokenRefresher refreshing(TokenRefresher refresher) {
        Objects.requireNonNull(refresher, "refresher");
        Recorder current = recorder;
        return current == null ? refresher : entityId -> current.refresh(refresher, entityId);
    }

    /**
     * {@code listener} wrapped so that the connection life of chat session {@code sessionId} is recorded: the span
     * {@code chat.session} with its events, the open-session count, reconnects and messages received. Call it on
     * the thread of the request that starts or recovers the session, so that the span is that request's child.
     */
    public ChatSocketListener observe(String sessionId, ChatSocketListener listener) {
        Objects.requireNonNull(listener, "listener");
        Recorder current = recorder;
        return current == null ? listener : current.observe(Objects.requireNonNull(sessionId, "sessionId"), listener);
    }

    /**
     * {@code executor} running each task in the OpenTelemetry context of the caller of this method, so that what a
     * task records is a child of the caller's span; {@code executor} itself when there is no such context.
     */
    public static Executor inCurrentContext(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        return API_VISIBLE ? Contexts.inCurrent(executor) : executor;
    }

    /**
     * {@code executor} running each task in the context of the thread that submits it: its OpenTelemetry context
     * and the API call it is part of, so that a token refresh run on the library's refresh threads is still the
     * child of the call's span and marks that call {@code wonderful.refreshed}. Unlike {@link #inCurrentContext},
     * the context is taken at each {@code execute}, so the result suits a long-lived executor.
     */
    public static Executor inSubmittersContext(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        return task -> {
            Runnable inCall = CallRecord.carry(Objects.requireNonNull(task, "task"));
            executor.execute(API_VISIBLE ? Contexts.inCurrent(inCall) : inCall);
        };
    }

    /**
     * The filter to register (with {@link #FILTER_PRIORITY}) on each of the library's rest clients: it adds the
     * method, route template, server and answer of every request to the call running on its thread, and puts the
     * W3C trace context on the request unless the runtime's own client instrumentation already did.
     */
    public static Object restClientFilter() {
        return CallFilter.INSTANCE;
    }

    private static Recorder select(BeanManager beanManager, boolean enabled) {
        if (!enabled) {
            return null;
        }
        if (!API_VISIBLE) {
            LOG.fine("the OpenTelemetry API is not visible to the application: no telemetry");
            return null;
        }
        return OtelRecorder.fromCdi(beanManager);
    }

    static boolean visible(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** What records, once OpenTelemetry is known to be there and on; implemented by {@link OtelRecorder}. */
    interface Recorder {
        Call begin(String operation);

        String refresh(TokenRefresher refresher, String entityId);

        ChatSocketListener observe(String sessionId, ChatSocketListener listener);
    }
}
