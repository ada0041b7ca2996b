package cx.wonderful.microprofile.internal;

import cx.wonderful.microprofile.WonderfulException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Produces the application's {@link WonderfulSettings}, read once from MicroProfile Config. A configuration error
 * is reported twice: in the log when the application starts (a SEVERE line naming the key at fault, never a secret
 * value), and as the {@code CONFIGURATION_ERROR} thrown by the first use of the library. The application itself
 * still deploys, so that an application which does not use the library yet is not blocked by it, unless
 * {@code wonderful.config.fail-on-error=true} ({@link ConfigCheckExtension}). Unknown {@code wonderful.*} keys are
 * logged as warnings ({@link ConfigDiagnostics}); the {@code mp-rest} keys of the library's rest clients are checked
 * too ({@link RestClientOptions#startupProblems}), and fail the calls of their client only.
 */
@ApplicationScoped
class SettingsProducer {

    private static final Logger LOG = Logger.getLogger(SettingsProducer.class.getName());

    private final Config config;
    private WonderfulSettings settings;
    private WonderfulException error;

    /** For the CDI container's proxy. */
    SettingsProducer() {
        this.config = null;
    }

    @Inject
    SettingsProducer(Config config) {
        this.config = config;
    }

    /** Settings are immutable, so one instance without a client proxy (the class is final) serves everyone. */
    @Produces
    @Singleton
    WonderfulSettings settings() {
        return read();
    }

    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        ConfigDiagnostics.unknownKeys(config).forEach(unknown ->
                LogMessage.UNKNOWN_KEY.log(LOG, unknown.name(), unknown.source(), unknown.closestKey()));
        try {
            LOG.info(() -> "Wonderful MicroProfile configured: " + read());
        } catch (WonderfulException e) {
            LogMessage.NOT_CONFIGURED.log(LOG, e.code(), e.getMessage());
        }
        List<String> restClientProblems = RestClientOptions.startupProblems(config);
        if (!restClientProblems.isEmpty()) {
            LogMessage.REST_CLIENT_KEYS_INVALID.log(LOG, String.join("; ", restClientProblems));
        }
    }

    private synchronized WonderfulSettings read() {
        if (settings == null && error == null) {
            try {
                settings = WonderfulSettings.from(config);
            } catch (WonderfulException e) {
                error = e;
            }
        }
        if (error != null) {
            throw error;
        }
        return settings;
    }
}
