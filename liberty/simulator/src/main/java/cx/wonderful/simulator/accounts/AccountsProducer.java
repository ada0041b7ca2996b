package cx.wonderful.simulator.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/** Builds the accounts once from MicroProfile Config, so env variables and server variables override defaults. */
@ApplicationScoped
public class AccountsProducer {

    @Produces
    @Singleton
    Accounts accounts(Config config) {
        return Accounts.from(key -> config.getOptionalValue(key, String.class));
    }
}
