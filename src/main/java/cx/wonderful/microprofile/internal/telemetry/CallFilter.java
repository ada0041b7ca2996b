package cx.wonderful.microprofile.internal.telemetry;

import cx.wonderful.microprofile.internal.WireContract;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adds each request of a library rest client, and its answer, to the {@link CallRecord} of the thread, and puts
 * the W3C {@code traceparent} on the request when nothing did before it (the runtime's own client instrumentation
 * runs first and writes its own span's context; this filter then leaves it alone, so the header is never doubled).
 * Does nothing on a thread without a recorded call. Reads no header value: only whether a credential header is set.
 */
final class CallFilter implements ClientRequestFilter, ClientResponseFilter {

    static final CallFilter INSTANCE = new CallFilter();
    static final String TRACEPARENT = "traceparent";
    /** The MicroProfile Rest Client property naming the interface method of the request. */
    static final String INVOKED_METHOD = "org.eclipse.microprofile.rest.client.invokedMethod";

    private static final Map<Method, String> TEMPLATES = new ConcurrentHashMap<>();

    private CallFilter() {
    }

    @Override
    public void filter(ClientRequestContext request) {
        CallRecord call = CallRecord.current();
        if (call == null) {
            return;
        }
        call.requests++;
        call.method = request.getMethod();
        URI uri = request.getUri();
        call.serverAddress = uri.getHost();
        call.serverPort = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        if (request.getProperty(INVOKED_METHOD) instanceof Method invoked) {
            call.template = TEMPLATES.computeIfAbsent(invoked, CallFilter::template);
        } else if (request.getProperty(Telemetry.URL_TEMPLATE_PROPERTY) instanceof String template) {
            call.template = template;
        }
        call.credentialKind = request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION) ? "bearer"
                : request.getHeaders().containsKey(WireContract.HEADER_API_KEY) ? "api_key" : "none";
        if (!hasHeader(request, TRACEPARENT)) {
            call.inject(request.getHeaders());
        }
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        CallRecord call = CallRecord.current();
        if (call == null) {
            return;
        }
        call.lastStatus = response.getStatus();
        if (response.getStatus() == 401) {
            call.unauthorized++;
        }
    }

    private static boolean hasHeader(ClientRequestContext request, String name) {
        for (String key : request.getHeaders().keySet()) {
            if (key.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** The route of a rest client method: its interface's {@code @Path} and its own, with the parameters unfilled. */
    static String template(Method method) {
        Path type = method.getDeclaringClass().getAnnotation(Path.class);
        Path own = method.getAnnotation(Path.class);
        String path = join(type == null ? "" : type.value(), own == null ? "" : own.value());
        return path.isEmpty() ? "/" : path;
    }

    private static String join(String a, String b) {
        String left = a.endsWith("/") ? a.substring(0, a.length() - 1) : a;
        String right = b.isEmpty() || b.startsWith("/") ? b : "/" + b;
        String joined = left + right;
        return joined.startsWith("/") ? joined : "/" + joined;
    }
}
