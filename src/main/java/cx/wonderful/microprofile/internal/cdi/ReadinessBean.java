package cx.wonderful.microprofile.internal.cdi;

import cx.wonderful.microprofile.internal.health.WonderfulReadinessCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The readiness check of the unnamed client ({@link WonderfulReadinessCheck}) as a bean the runtime's MicroProfile
 * Health finds. Created while the application starts, so that it reads its switch then (see
 * {@link WonderfulReadinessCheck}).
 */
@Readiness
@ApplicationScoped
class ReadinessBean implements HealthCheck {

    private WonderfulReadinessCheck check;

    /** For the CDI container's proxy. */
    ReadinessBean() {
    }

    @Inject
    ReadinessBean(Config config, LibraryBeans beans) {
        check = WonderfulReadinessCheck.create(config, () -> beans.unnamed().settings(), () -> beans.unnamed().restClients());
        check.telemetry(beans.telemetry());
    }

    void createAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        check.prepareAtStartup();
    }

    @Override
    public HealthCheckResponse call() {
        return check.call();
    }
}
