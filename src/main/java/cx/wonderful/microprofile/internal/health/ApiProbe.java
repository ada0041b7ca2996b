package cx.wonderful.microprofile.internal.health;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.internal.EncodedQueryClient;
import cx.wonderful.microprofile.internal.QueryValues;
import cx.wonderful.microprofile.internal.WireContract;
import cx.wonderful.microprofile.internal.telemetry.Telemetry;
import jakarta.ws.rs.ProcessingException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * One readiness probe: the cheapest authenticated call there is (the first communication, {@code limit=1}),
 * sent once, without retries or a token refresh, because the orchestrator repeats the probe anyway and a probe
 * must answer fast. Every text it reports passes through a filter that blanks the configured secrets.
 */
final class ApiProbe {

    /** The span and {@code wonderful.operation} of a probe. */
    static final String OPERATION = "health.probe";
    /** The probe's query: no filter ({@code {}}, URL-encoded), the first record only. */
    static final String QUERY = WireContract.COMMUNICATIONS_QUERY_FILTERS + "=" + QueryValues.percentEncode("{}")
            + "&" + WireContract.COMMUNICATIONS_QUERY_PAGE + "=1&" + WireContract.COMMUNICATIONS_QUERY_LIMIT + "=1";

    private final String name;
    private final Supplier<EncodedQueryClient> clientFactory;
    private final Map<String, Object> target;
    private final List<String> secrets;
    private volatile EncodedQueryClient client;

    /**
     * @param clientFactory builds the client (with the credential filter); called until it succeeds once
     * @param target what to report about the target on every answer (never a secret)
     * @param secrets the configured secrets, removed from any text the probe reports
     */
    ApiProbe(String name, Supplier<EncodedQueryClient> clientFactory, Map<String, Object> target, List<String> secrets) {
        this.name = Objects.requireNonNull(name, "name");
        this.clientFactory = Objects.requireNonNull(clientFactory, "clientFactory");
        this.target = Map.copyOf(target);
        this.secrets = List.copyOf(secrets);
    }

    HealthCheckResponse probe() {
        return probe(Telemetry.off());
    }

    /** {@link #probe()}, its request recorded as the span {@value #OPERATION}. */
    HealthCheckResponse probe(Telemetry telemetry) {
        try {
            telemetry.call(OPERATION, () -> client().get(WireContract.COMMUNICATIONS_PATH, QUERY));
            return answer(HealthCheckResponse.Status.UP, null, 0);
        } catch (WonderfulException e) {
            int status = e.httpStatus().orElse(0);
            String reason = status == 401 || status == 403 || e.code() == ErrorCode.UNAUTHORIZED
                    || e.code() == ErrorCode.FORBIDDEN ? "credential refused" + (status == 0 ? "" : " (HTTP " + status + ")")
                    : e.code() == ErrorCode.NETWORK_ERROR ? "unreachable: " + e.getMessage()
                    : e.code() + ": " + e.getMessage();
            return answer(HealthCheckResponse.Status.DOWN, reason, status);
        } catch (ProcessingException e) {
            return answer(HealthCheckResponse.Status.DOWN, "unreachable: " + describe(rootCause(e)), 0);
        } catch (RuntimeException e) {
            return answer(HealthCheckResponse.Status.DOWN, "check failed: " + describe(e), 0);
        }
    }

    private EncodedQueryClient client() {
        EncodedQueryClient current = client;
        if (current == null) {
            current = clientFactory.get();
            client = current;
        }
        return current;
    }

    private HealthCheckResponse answer(HealthCheckResponse.Status status, String reason, int httpStatus) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("enabled", true);
        data.putAll(target);
        if (reason != null) {
            data.put("reason", scrub(reason));
        }
        if (httpStatus != 0) {
            data.put("httpStatus", (long) httpStatus);
        }
        return new HealthCheckResponse(name, status, Optional.of(data));
    }

    private String scrub(String text) {
        String clean = text;
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                clean = clean.replace(secret, "****");
            }
        }
        return clean;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
