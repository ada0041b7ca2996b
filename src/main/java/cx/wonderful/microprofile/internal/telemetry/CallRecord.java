package cx.wonderful.microprofile.internal.telemetry;

import jakarta.ws.rs.core.MultivaluedMap;

/**
 * What the requests of one API call showed, gathered by {@link CallFilter} on the thread that runs the call: the
 * number of requests sent, the last answer's status, the 401s among them, and the request's method, route template
 * and server. Free of OpenTelemetry types, so that the filter can be loaded without the API.
 */
abstract class CallRecord {

    private static final ThreadLocal<CallRecord> CURRENT = new ThreadLocal<>();

    int requests;
    int unauthorized;
    int lastStatus;
    boolean refreshed;
    String method;
    String template;
    String serverAddress;
    int serverPort = -1;
    String credentialKind;

    /** The call running on this thread, or null. */
    static CallRecord current() {
        return CURRENT.get();
    }

    /** Makes this the current call of the thread; returns the one it replaces (a call made inside a refresh). */
    CallRecord enter() {
        CallRecord previous = CURRENT.get();
        CURRENT.set(this);
        return previous;
    }

    /** {@code task} run as part of the call current on this thread (as it is, when there is none). */
    static Runnable carry(Runnable task) {
        CallRecord call = CURRENT.get();
        if (call == null) {
            return task;
        }
        return () -> {
            CallRecord previous = call.enter();
            try {
                task.run();
            } finally {
                leave(previous);
            }
        };
    }

    static void leave(CallRecord previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    /** Re-sends after a 401 (each followed by one more request) and retries after a failure without an answer. */
    int retries() {
        int resends = lastStatus == 401 ? unauthorized - 1 : unauthorized;
        return Math.max(0, requests - 1 - Math.max(0, resends));
    }

    /** Writes the trace context of this call into {@code headers}. */
    abstract void inject(MultivaluedMap<String, Object> headers);
}
