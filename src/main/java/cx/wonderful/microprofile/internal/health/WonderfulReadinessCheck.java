package cx.wonderful.microprofile.internal.health;

import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.communications.CommunicationsApi;
import cx.wonderful.microprofile.internal.Credential;
import cx.wonderful.microprofile.internal.RestClientOptions;
import cx.wonderful.microprofile.internal.RestClients;
import cx.wonderful.microprofile.internal.Setting;
import cx.wonderful.microprofile.internal.WonderfulSettings;
import cx.wonderful.microprofile.internal.telemetry.Telemetry;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Readiness of the Wonderful API, named {@value #NAME}: UP when the API answers an authenticated request with the
 * configured credential (the first communication, {@code limit=1}) with a 2xx status; DOWN otherwise, with a
 * {@code reason} ({@code credential refused (HTTP 401)}, {@code unreachable: ...}, {@code the API answered HTTP
 * 503}, a configuration error) and, where there was one, the {@code httpStatus}.
 *
 * <p>Off by default: unless {@code wonderful.health.enabled=true} the check sends nothing
 * and answers UP with {@code enabled: false}, so that adding the library never changes an application's
 * readiness. When on, each call of the check sends one request, without retries and without a token refresh
 * (the orchestrator repeats the probe); its URL and timeouts are those of the library
 * ({@code wonderful.base-url}, {@code wonderful.request-timeout}), overridable for the probe alone with the
 * standard {@code wonderful-health/mp-rest/url}, {@code .../connectTimeout} and {@code .../readTimeout} keys
 * (milliseconds), which a short probe deadline calls for.
 *
 * <p>The switch is read once, while the application starts: the check is created then, on the application's
 * own thread and with its own configuration, whichever thread the runtime's health endpoint later calls it on
 * (Payara's creates checks lazily on a thread of its own, where the application's configuration is not the one
 * in view).
 *
 * <p>Its data ({@code enabled}, {@code baseUrl} without user info, {@code credential} = the kind of credential,
 * {@code reason}, {@code httpStatus}) never contains a secret: any text that would is masked.
 */
public final class WonderfulReadinessCheck implements HealthCheck {

    /** The name of the check in the health report. */
    public static final String NAME = "wonderful-api";
    /** The MicroProfile Rest Client config key of the probe's client: its {@code mp-rest} keys as {@code RestClients} says. */
    public static final String CONFIG_KEY = RestClientOptions.HEALTH;

    private static final Logger LOG = Logger.getLogger(WonderfulReadinessCheck.class.getName());

    private final boolean enabled;
    private final Supplier<ApiProbe> probeFactory;
    private volatile ApiProbe probe;
    private volatile Telemetry telemetry = Telemetry.off();

    /**
     * The check of a client: its switch read from {@code config} now, its probe built from the client's settings
     * and rest clients when needed ({@code settings} and {@code restClients} may throw the client's
     * {@code CONFIGURATION_ERROR}, which the check then reports).
     */
    public static WonderfulReadinessCheck create(Config config, Supplier<WonderfulSettings> settings,
            Supplier<RestClients> restClients) {
        return new WonderfulReadinessCheck(config.getOptionalValue(Setting.HEALTH_ENABLED.key(), Boolean.class)
                .orElse(Setting.HEALTH_ENABLED.defaultFlag()), () -> probe(settings, restClients));
    }

    // The probe is only built when the check is on (at startup, else when first asked): a disabled check needs no
    // configuration.
    WonderfulReadinessCheck(boolean enabled, Supplier<ApiProbe> probeFactory) {
        this.enabled = enabled;
        this.probeFactory = Objects.requireNonNull(probeFactory, "probeFactory");
    }

    /** Each probe is then the span {@code health.probe} and is counted (README, "Telemetry"). */
    public void telemetry(Telemetry telemetry) {
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    }

    /**
     * Creates the check, and so reads its switch, while the application starts (see the class comment); a check
     * that is on also prepares its probe then, so that a configuration error is reported from the first call.
     */
    public void prepareAtStartup() {
        LOG.fine(() -> "readiness check " + NAME + (enabled ? " on" : " off"));
        if (enabled && probe == null) {
            try {
                probe = probeFactory.get();
            } catch (WonderfulException e) {
                // call() reports it, with the key at fault
                LOG.fine(() -> "readiness check " + NAME + " not ready to probe: " + e.code());
            }
        }
    }

    @Override
    public HealthCheckResponse call() {
        if (!enabled) {
            return new HealthCheckResponse(NAME, HealthCheckResponse.Status.UP, Optional.of(Map.of("enabled", false)));
        }
        ApiProbe current = probe;
        if (current == null) {
            try {
                current = probeFactory.get();
            } catch (WonderfulException e) {
                // Configuration messages name keys, never secret values.
                return new HealthCheckResponse(NAME, HealthCheckResponse.Status.DOWN, Optional.of(Map.of(
                        "enabled", true, "reason", e.code() + ": " + e.getMessage())));
            }
            probe = current;
        }
        return current.probe(telemetry);
    }

    private static ApiProbe probe(Supplier<WonderfulSettings> settingsInstance, Supplier<RestClients> restClients) {
        WonderfulSettings settings = settingsInstance.get();
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("baseUrl", withoutUserInfo(settings.baseUrl()));
        target.put("credential", settings.configuredCredential().map(c -> c.kind().name()).orElse("none"));
        List<String> secrets = new ArrayList<>();
        settings.configuredCredential().map(Credential::secret).ifPresent(secrets::add);
        settings.apiKey().ifPresent(secrets::add);
        return new ApiProbe(NAME, () -> restClients.get().encodedQueryClient(CommunicationsApi.class, CONFIG_KEY), target, secrets);
    }

    static String withoutUserInfo(URI uri) {
        StringBuilder text = new StringBuilder(uri.getScheme()).append("://").append(uri.getHost());
        if (uri.getPort() != -1) {
            text.append(':').append(uri.getPort());
        }
        if (uri.getRawPath() != null) {
            text.append(uri.getRawPath());
        }
        return text.toString();
    }
}
