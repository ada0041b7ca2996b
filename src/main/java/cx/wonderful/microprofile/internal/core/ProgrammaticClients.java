package cx.wonderful.microprofile.internal.core;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.auth.TokenRefresher;
import cx.wonderful.microprofile.internal.realtime.RealtimeExecutors;
import cx.wonderful.microprofile.internal.telemetry.Telemetry;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Builds the clients of {@code WonderfulSdk}: a {@link ConfiguredClient} on a {@link SharedRuntime} of its own, from
 * the builder's properties over an optional MicroProfile {@link Config}. No CDI: chat events go to the sessions'
 * listeners only, and there is no telemetry and no inbound request.
 */
public final class ProgrammaticClients {

    private static final Logger LOG = Logger.getLogger(ProgrammaticClients.class.getName());
    /** The builder's properties come before every source of a given configuration. */
    private static final int PROPERTIES_ORDINAL = Integer.MAX_VALUE;

    private ProgrammaticClients() {
    }

    /** What {@code WonderfulSdk} holds: one client and the runtime under it, closed together. */
    public record Built(ConfiguredClient client, SharedRuntime runtime) implements AutoCloseable {
        @Override
        public void close() {
            try {
                client.close();
            } finally {
                runtime.close();
            }
        }
    }

    /**
     * @param properties keys as in README's configuration table, over those of {@code base}
     * @param base a configuration to read the other keys from; empty for the properties alone
     * @param name the named client to build ({@code wonderful.<name>.*}); empty for the unnamed one
     * @throws WonderfulException {@code CONFIGURATION_ERROR} when the configuration is not valid; nothing is left
     *         running then
     */
    public static Built build(Map<String, String> properties, Optional<Config> base, Optional<String> name,
            Optional<TokenRefresher> refresher) {
        Config config = config(properties, base);
        SharedRuntime runtime = new SharedRuntime(new RealtimeExecutors(), Telemetry.off(), event -> {
        }, Optional::empty);
        try {
            ConfiguredClient client = name.isPresent() ? ConfiguredClient.named(runtime, config, name.get(), refresher)
                    : new ConfiguredClient(runtime, config, refresher);
            LOG.fine(() -> "Wonderful client built: " + client.settings());
            return new Built(client, runtime);
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    private static Config config(Map<String, String> properties, Optional<Config> base) {
        ConfigProviderResolver resolver;
        try {
            resolver = ConfigProviderResolver.instance();
        } catch (RuntimeException | ServiceConfigurationError e) {
            throw new WonderfulException(ErrorCode.CONFIGURATION_ERROR,
                    "a MicroProfile Config implementation is needed on the class path (SmallRye Config, say)", e);
        }
        var builder = resolver.getBuilder().withSources(new PropertiesSource(Map.copyOf(properties)));
        base.ifPresent(config -> builder.withSources(new ConfigAsSource(config)));
        return builder.build();
    }

    private record PropertiesSource(Map<String, String> properties) implements ConfigSource {
        @Override
        public Map<String, String> getProperties() {
            return properties;
        }

        @Override
        public Set<String> getPropertyNames() {
            return properties.keySet();
        }

        @Override
        public String getValue(String propertyName) {
            return properties.get(propertyName);
        }

        @Override
        public String getName() {
            return "WonderfulSdk.Builder";
        }

        @Override
        public int getOrdinal() {
            return PROPERTIES_ORDINAL;
        }

        @Override
        public String toString() {
            return "PropertiesSource[" + properties.keySet() + "]"; // keys only: values may be secrets
        }
    }

    /** A whole configuration as one source under the builder's properties. */
    private record ConfigAsSource(Config config) implements ConfigSource {
        @Override
        public Set<String> getPropertyNames() {
            Set<String> names = new java.util.HashSet<>();
            config.getPropertyNames().forEach(names::add);
            return names;
        }

        @Override
        public String getValue(String propertyName) {
            return config.getConfigValue(propertyName).getRawValue();
        }

        @Override
        public String getName() {
            return "the given Config";
        }

        @Override
        public int getOrdinal() {
            return ConfigSource.DEFAULT_ORDINAL;
        }

        @Override
        public String toString() {
            return "ConfigAsSource";
        }
    }
}
