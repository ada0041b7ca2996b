package cx.wonderful.microprofile.internal.communications;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.inject.ConfigExtension;
import jakarta.enterprise.inject.spi.Extension;
import java.lang.annotation.Annotation;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * The library's real beans (settings, credential source, rest clients, invoker, communications, readiness check)
 * in a Weld SE container with the given MicroProfile Config, as an application would get them.
 */
public final class LibraryContainer implements AutoCloseable {

    private final SmallRyeConfig config;
    private final ClassLoader loader = Thread.currentThread().getContextClassLoader();
    private final WeldContainer weld;

    public LibraryContainer(Map<String, String> properties) {
        this(properties, false);
    }

    /** With more bean classes beside the library's (the chat beans, for example). */
    public LibraryContainer(Map<String, String> properties, Class<?>... moreBeans) {
        this(properties, false, moreBeans);
    }

    /**
     * @param wholeLibrary every bean of the library (its packages scanned, as an application's container would:
     *        chat and realtime too), instead of those the communications tests need
     */
    public LibraryContainer(Map<String, String> properties, boolean wholeLibrary) {
        this(properties, wholeLibrary, new Class<?>[0]);
    }

    private LibraryContainer(Map<String, String> properties, boolean wholeLibrary, Class<?>... moreBeans) {
        config = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        // A rest client built by an earlier test registers a Config for this class loader: let it go first.
        cx.wonderful.microprofile.internal.TestConfigs.releaseGlobal();
        ConfigProviderResolver.instance().registerConfig(config, loader);
        try {
            Weld container = new Weld(UUID.randomUUID().toString()).disableDiscovery();
            weld = (wholeLibrary ? container.addPackages(true, cx.wonderful.microprofile.Wonderful.class)
                    : container.addBeanClasses(beanClasses()))
                    .addBeanClasses(moreBeans)
                    .addExtensions(new ConfigExtension())
                    .addExtensions(clientImplementationExtensions())
                    .initialize();
        } catch (RuntimeException e) {
            ConfigProviderResolver.instance().releaseConfig(config);
            throw e;
        }
    }

    private static Class<?>[] beanClasses() {
        return cx.wonderful.microprofile.internal.cdi.LibraryBeansAccess.beanClasses();
    }

    /** The unnamed client behind the beans: the core's real objects. */
    public cx.wonderful.microprofile.internal.core.ConfiguredClient client() {
        return cx.wonderful.microprofile.internal.cdi.LibraryBeansAccess.unnamed(weld);
    }

    // Jersey's client takes part in a running CDI container through its own extension (as on Payara and Helidon);
    // discovery is off here, so it is added explicitly when Jersey is the implementation on the class path.
    private static Extension[] clientImplementationExtensions() {
        return ServiceLoader.load(Extension.class).stream()
                .filter(provider -> provider.type().getName().startsWith("org.glassfish.jersey."))
                .map(ServiceLoader.Provider::get).toArray(Extension[]::new);
    }

    public <T> T bean(Class<T> type, Annotation... qualifiers) {
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
