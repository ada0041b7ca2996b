package cx.wonderful.microprofile.catalogue;

import cx.wonderful.microprofile.Wonderful;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.inject.ConfigExtension;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/** Every bean of the library (its packages scanned as an application's container would), with the given config. */
final class LibraryBeans implements AutoCloseable {

    private final SmallRyeConfig config;
    private final ClassLoader loader = Thread.currentThread().getContextClassLoader();
    private final WeldContainer weld;

    LibraryBeans(Map<String, String> properties) {
        config = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        // A rest client built by an earlier test registers a Config for this class loader: let it go first.
        cx.wonderful.microprofile.internal.TestConfigs.releaseGlobal();
        ConfigProviderResolver.instance().registerConfig(config, loader);
        try {
            weld = new Weld(UUID.randomUUID().toString()).disableDiscovery()
                    .addPackages(true, Wonderful.class)
                    .addExtensions(new ConfigExtension())
                    .initialize();
        } catch (RuntimeException e) {
            ConfigProviderResolver.instance().releaseConfig(config);
            throw e;
        }
    }

    <T> T bean(Class<T> type, java.lang.annotation.Annotation... qualifiers) {
        return weld.select(type, qualifiers).get();
    }

    @Override
    public void close() {
        try {
            weld.shutdown();
        } finally {
            ConfigProviderResolver.instance().releaseConfig(config);
        }
    }
}
