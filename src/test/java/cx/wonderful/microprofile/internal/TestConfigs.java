package cx.wonderful.microprofile.internal;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

/** A MicroProfile Config holding exactly the given properties (no system properties, no environment). */
public final class TestConfigs {

    private TestConfigs() {
    }

    /** @param keyValues key, value, key, value, ... */
    public static Config of(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(map, "test", 500)).build();
    }

    /**
     * Releases the Config that the Rest Client implementation registered for this thread's class loader when it
     * built a client, so that a later test can register its own.
     */
    public static void releaseGlobal() {
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        resolver.releaseConfig(resolver.getConfig());
    }
}
