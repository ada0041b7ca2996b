package cx.wonderful.microprofile.internal;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * The configuration of a named client as the library's unnamed keys: {@code wonderful.X} reads
 * {@code wonderful.<name>.X}; where that is not set, the unnamed {@code wonderful.X}, except for the keys that say
 * where and as whom the client calls ({@link #OWN_KEYS}), which never fall back. Keys outside {@code wonderful.}
 * (the unnamed client's {@code mp-rest} keys) are not visible, so they cannot redirect a named client.
 */
public final class NamedConfig implements Config {

    /** The keys a named client must have of its own. */
    static final Set<String> OWN_KEYS = Set.of(Setting.BASE_URL.key(), Setting.API_KEY.key(), Setting.SIGNED_TOKEN.key(),
            Setting.TOKEN.key(), Setting.TENANT_ID.key(), Setting.WORKSPACE_ID.key(), Setting.AGENT_ID.key());
    private static final String PREFIX = Setting.PREFIX;
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** Names that would read as the library's own keys ({@code wonderful.ws.*}, ...). */
    private static final Set<String> RESERVED = Set.of("ws", "health", "end-user", "config");

    private final Config config;
    private final String name;

    public NamedConfig(Config config, String name) {
        this.config = Objects.requireNonNull(config, "config");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** Whether {@code name} can name a client: lower-case letters, digits and inner hyphens, not a reserved word. */
    public static boolean isClientName(String name) {
        return name != null && NAME.matcher(name).matches() && !RESERVED.contains(name);
    }

    /** The key of the named client that stands for the unnamed {@code key}: {@code wonderful.<name>.X}. */
    public String keyOf(String key) {
        return PREFIX + name + "." + key.substring(PREFIX.length());
    }

    @Override
    public <T> Optional<T> getOptionalValue(String key, Class<T> type) {
        if (!key.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Optional<T> own = config.getOptionalValue(keyOf(key), type);
        return own.isPresent() || OWN_KEYS.contains(key) ? own : config.getOptionalValue(key, type);
    }

    @Override
    public <T> T getValue(String key, Class<T> type) {
        return getOptionalValue(key, type).orElseThrow(() -> new NoSuchElementException(key));
    }

    @Override
    public <T> Optional<List<T>> getOptionalValues(String key, Class<T> type) {
        if (!key.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Optional<List<T>> own = config.getOptionalValues(keyOf(key), type);
        return own.isPresent() || OWN_KEYS.contains(key) ? own : config.getOptionalValues(key, type);
    }

    @Override
    public ConfigValue getConfigValue(String key) {
        return config.getConfigValue(key.startsWith(PREFIX) ? keyOf(key) : key);
    }

    @Override
    public Iterable<String> getPropertyNames() {
        return StreamSupport.stream(config.getPropertyNames().spliterator(), false).filter(k -> k.startsWith(PREFIX)).toList();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
        return config.getConfigSources();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
        return config.getConverter(forType);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        return config.unwrap(type);
    }

    @Override
    public String toString() {
        return "NamedConfig[" + name + "]";
    }
}
