package cx.wonderful.microprofile.internal;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * A Weld SE container with the library's internal beans, the given bean classes, and a given MicroProfile Config
 * (each test picks its own configuration, which a per-class container setup cannot do).
 */
public final class CdiTestContainer {

    private static volatile Config config;

    private CdiTestContainer() {
    }

    /** Produces the test's Config. */
    @Singleton
    public static class ConfigProducer {
        @Produces
        @Singleton
        Config config() {
            return config;
        }
    }

    /** Starts a container; close it at the end of the test. */
    public static WeldContainer start(Config testConfig, Class<?>... beanClasses) {
        config = testConfig;
        List<Class<?>> classes = new ArrayList<>(List.of(cx.wonderful.microprofile.internal.cdi.LibraryBeansAccess.beanClasses()));
        classes.add(ConfigProducer.class);
        classes.addAll(Arrays.asList(beanClasses));
        return new Weld("test-" + System.nanoTime()).disableDiscovery().beanClasses(classes.toArray(Class<?>[]::new)).initialize();
    }
}
