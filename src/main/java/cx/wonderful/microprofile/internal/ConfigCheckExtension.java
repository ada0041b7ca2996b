package cx.wonderful.microprofile.internal;

import cx.wonderful.microprofile.WonderfulException;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * With {@code wonderful.config.fail-on-error=true}, a configuration error fails the application's deployment (a
 * CDI deployment problem naming every problem found, the {@code mp-rest} keys of the library's rest clients
 * included) instead of failing each call with {@code CONFIGURATION_ERROR}.
 * Off by default: an application that does not use the library yet is not blocked by its configuration.
 */
public final class ConfigCheckExtension implements Extension {

    void failDeploymentOnError(@Observes AfterDeploymentValidation validation) {
        deploymentProblem(ConfigProvider.getConfig()).ifPresent(validation::addDeploymentProblem);
    }

    /**
     * The deployment problem of {@code config}: present only when the opt-in is on and the settings or the
     * {@code mp-rest} keys of the library's rest clients do not check.
     */
    static Optional<DeploymentException> deploymentProblem(Config config) {
        if (!config.getOptionalValue(Setting.CONFIG_FAIL_ON_ERROR.key(), Boolean.class).orElse(Setting.CONFIG_FAIL_ON_ERROR.defaultFlag())) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        try {
            WonderfulSettings.from(config);
        } catch (WonderfulException e) {
            problems.add(e.getMessage());
        }
        problems.addAll(RestClientOptions.startupProblems(config));
        return problems.isEmpty() ? Optional.empty() : Optional.of(new DeploymentException(
                LogMessage.DEPLOYMENT_REFUSED.format(Setting.CONFIG_FAIL_ON_ERROR.key(), String.join("; ", problems))));
    }
}
