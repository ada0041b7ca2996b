package cx.wonderful.microprofile.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Finds the {@code wonderful.*} keys of the application's configuration that the library does not know (a typo such
 * as {@code wonderful.workspace_id} or {@code wonderful.baseurl} would otherwise be ignored in silence), each with
 * the closest known key. The known keys are those of the {@link Setting} table, so that a key added there is known
 * here.
 *
 * <p>Environment variables are judged as MicroProfile Config reads them: {@code WONDERFUL_WORKSPACE_ID} (or
 * {@code wonderful_workspace_id}) is {@code wonderful.workspace-id}, not a typo; an environment variable
 * {@code WONDERFUL_*} that maps to no key is reported like any other unknown key.
 */
public final class ConfigDiagnostics {

    private static final String PREFIX = Setting.PREFIX;
    private static final Set<String> KNOWN_KEYS = Arrays.stream(Setting.values()).map(Setting::key)
            .collect(Collectors.toUnmodifiableSet());
    private static final Map<String, String> KNOWN_BY_ENV_NAME = KNOWN_KEYS.stream()
            .collect(Collectors.toMap(Setting::envName, Function.identity()));

    private ConfigDiagnostics() {
    }

    /** The library's own keys: those of the {@link Setting} table. */
    public static Set<String> knownKeys() {
        return KNOWN_KEYS;
    }

    /**
     * An unknown key: as written, where it came from (the config source's name) and the known key nearest to it.
     * Never its value (a misspelt {@code wonderful.api_key} holds a secret).
     */
    public record UnknownKey(String name, String source, String closestKey) {
    }

    /**
     * Every unknown {@code wonderful.*} key present in {@code config}, and every {@code <configKey>/mp-rest/<name>} key
     * of the library's rest clients whose name MicroProfile Rest Client does not define (a misspelt
     * {@code readTimout}), once per key and source, in key order.
     */
    public static List<UnknownKey> unknownKeys(Config config) {
        Set<UnknownKey> unknown = new TreeSet<>(Comparator.comparing(UnknownKey::name).thenComparing(UnknownKey::source));
        for (ConfigSource source : config.getConfigSources()) {
            Set<String> names = source.getPropertyNames();
            if (names == null) {
                continue;
            }
            for (String name : names) {
                unknown(name).map(ConfigDiagnostics::closestKnownKey).or(() -> unknownMpRestKey(name))
                        .ifPresent(closest -> unknown.add(new UnknownKey(name, source.getName(), closest)));
            }
        }
        return List.copyOf(unknown);
    }

    /** The texts of the warnings ({@link LogMessage#UNKNOWN_KEY}, without the id) of {@link #unknownKeys(Config)}. */
    public static List<String> unknownKeyWarnings(Config config) {
        return unknownKeys(config).stream()
                .map(u -> LogMessage.UNKNOWN_KEY.text(u.name(), u.source(), u.closestKey()))
                .toList();
    }

    /** The name as a {@code wonderful.*} key when it is one the library does not know, else empty. */
    static Optional<String> unknown(String name) {
        if (KNOWN_KEYS.contains(name) || isNamedClientKey(name)) {
            return Optional.empty();
        }
        if (name.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.of(name);
        }
        // Written the way MicroProfile Config matches environment variables (WONDERFUL_BASE_URL, wonderful_base_url).
        if (name.regionMatches(true, 0, "WONDERFUL_", 0, "WONDERFUL_".length()) && isEnvironmentStyle(name)) {
            return KNOWN_BY_ENV_NAME.containsKey(Setting.envName(name)) ? Optional.empty() : Optional.of(name);
        }
        return Optional.empty();
    }

    /**
     * The standard key nearest to {@code name} when it is a {@code <configKey>/mp-rest/<name>} key of one of the
     * library's clients ({@link RestClientOptions#CONFIG_KEYS}) with a name the standard does not define; else empty.
     */
    static Optional<String> unknownMpRestKey(String name) {
        for (String configKey : RestClientOptions.CONFIG_KEYS) {
            String prefix = configKey + "/mp-rest/";
            if (name.startsWith(prefix)) {
                String rest = name.substring(prefix.length());
                if (RestClientOptions.STANDARD_NAMES.contains(rest) || rest.matches("providers/[^/]+/priority")) {
                    return Optional.empty();
                }
                String wanted = rest.toLowerCase(Locale.ROOT);
                return RestClientOptions.STANDARD_NAMES.stream()
                        .min(Comparator.<String>comparingInt(known -> distance(wanted, known.toLowerCase(Locale.ROOT))))
                        .map(known -> prefix + known);
            }
        }
        return Optional.empty();
    }

    /**
     * A key of a named client ({@code @WonderfulClient}): {@code wonderful.<name>.X} where {@code wonderful.X} is a key
     * of the library and the name is one ({@link NamedConfig}).
     */
    private static boolean isNamedClientKey(String name) {
        if (!name.startsWith(PREFIX)) {
            return false;
        }
        int dot = name.indexOf('.', PREFIX.length());
        return dot > PREFIX.length() && NamedConfig.isClientName(name.substring(PREFIX.length(), dot))
                && KNOWN_KEYS.contains(PREFIX + name.substring(dot + 1));
    }

    /** The known key nearest to {@code key} by edit distance, case and separators ignored; ties by name. */
    public static String closestKnownKey(String key) {
        String wanted = squash(key);
        return KNOWN_KEYS.stream()
                .min(Comparator.<String>comparingInt(known -> distance(wanted, squash(known))).thenComparing(Comparator.naturalOrder()))
                .orElseThrow();
    }

    /** Only letters, digits and {@code _}: a name MicroProfile Config would have matched against a key's env form. */
    private static boolean isEnvironmentStyle(String name) {
        return name.matches("[A-Za-z0-9_]+");
    }

    private static String squash(String key) {
        return key.toLowerCase(Locale.ROOT).replace("wonderful", "").replaceAll("[^a-z0-9]", "");
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
