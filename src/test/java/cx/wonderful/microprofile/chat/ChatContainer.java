package cx.wonderful.microprofile.chat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.inject.ConfigExtension;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * The library's chat beans in a Weld SE container (no managed executors here: the fallback pools), talking to a
 * {@link ChatV3TestServer} for REST and an agent chat test server for the socket, as an application gets them.
 */
final class ChatContainer implements AutoCloseable {

    private final SmallRyeConfig config;
    private final ClassLoader loader = Thread.currentThread().getContextClassLoader();
    private final WeldContainer weld;
    private boolean closed;

    /** @param extra key, value, ... beside the base URLs and the API key */
    ChatContainer(ChatV3TestServer rest, java.net.URI socketBase, String... extra) {
        Map<String, String> properties = new HashMap<>();
        properties.put("wonderful.base-url", socketBase.toString().replaceFirst("^ws", "http"));
        properties.put("wonderful-chat/mp-rest/url", rest.base().toString());
        properties.put("wonderful.api-key", "sim-key-acme");
        properties.put("wonderful.workspace-id", "ws-test");
        properties.put("wonderful.agent-id", "agent-support");
        properties.put("wonderful.retry-delay", "20ms");
        for (int i = 0; i < extra.length; i += 2) {
            properties.put(extra[i], extra[i + 1]);
        }
        config = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        ConfigProviderResolver.instance().registerConfig(config, loader);
        try {
            weld = new Weld(UUID.randomUUID().toString()).disableDiscovery().addBeanClasses(beanClasses())
                    .addExtensions(new ConfigExtension()).initialize();
        } catch (RuntimeException e) {
            ConfigProviderResolver.instance().releaseConfig(config);
            throw e;
        }
    }

    private static Class<?>[] beanClasses() {
        try {
            return new Class<?>[] {
                WonderfulChat.class,
                cx.wonderful.microprofile.realtime.RealtimeExecutors.class,
                Class.forName("cx.wonderful.microprofile.realtime.RealtimeProducers"),
                cx.wonderful.microprofile.internal.RestClients.class,
                cx.wonderful.microprofile.internal.ApiInvoker.class,
                Class.forName("cx.wonderful.microprofile.internal.SettingsProducer"),
                Class.forName("cx.wonderful.microprofile.auth.CdiCredentialSource"),
                Class.forName("cx.wonderful.microprofile.auth.JwtSigner"),
            };
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a library bean class is missing", e);
        }
    }

    WonderfulChat chat() {
        return weld.select(WonderfulChat.class).get();
    }

    /** Shuts the container down, as an application that stops. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            weld.shutdown();
        } finally {
            ConfigProviderResolver.instance().releaseConfig(config);
        }
    }
}
