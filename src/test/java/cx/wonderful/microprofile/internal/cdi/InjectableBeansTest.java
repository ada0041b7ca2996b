package cx.wonderful.microprofile.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.inject.ConfigExtension;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.bootstrap.spi.BeanDiscoveryMode;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * What an application can inject from the library, with every class of the library scanned as a runtime would: the
 * API's three facades, the readiness check as a {@code HealthCheck}, and the request-scoped holder of the inbound
 * request's own token (which the filter of the API package fills). No other library type is a bean type that an
 * application can name.
 */
class InjectableBeansTest {

    @Test
    void theOnlyLibraryTypesAnApplicationCanInjectAreTheApiFacadesAndTheInboundTokenHolder() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                "wonderful.base-url", "http://localhost:1", "wonderful.api-key", "injectable-beans-key"), "test", 500)).build();
        cx.wonderful.microprofile.internal.TestConfigs.releaseGlobal();
        ConfigProviderResolver.instance().registerConfig(config, Thread.currentThread().getContextClassLoader());
        // As the library's beans.xml says: only classes with a bean-defining annotation are beans.
        try (WeldContainer container = new Weld(UUID.randomUUID().toString()).disableDiscovery()
                .setBeanDiscoveryMode(BeanDiscoveryMode.ANNOTATED)
                .addPackages(true, cx.wonderful.microprofile.Wonderful.class).addExtensions(new ConfigExtension())
                .initialize()) {
            BeanManager beans = container.getBeanManager();
            Set<String> nameable = new TreeSet<>();
            for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
                for (Type type : bean.getTypes()) {
                    Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType()
                            : type instanceof Class<?> c ? c : null;
                    if (raw != null && raw.getName().startsWith("cx.wonderful.microprofile.")
                            && Modifier.isPublic(raw.getModifiers())) {
                        nameable.add(raw.getName());
                    }
                }
            }
            assertEquals(Set.of("cx.wonderful.microprofile.auth.WonderfulAuth",
                    "cx.wonderful.microprofile.chat.WonderfulChat",
                    "cx.wonderful.microprofile.communications.WonderfulCommunications",
                    "cx.wonderful.microprofile.internal.InboundToken"), nameable);
        } finally {
            ConfigProviderResolver.instance().releaseConfig(config);
        }
    }
}
