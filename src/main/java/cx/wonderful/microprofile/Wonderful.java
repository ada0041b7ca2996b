package cx.wonderful.microprofile;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Facts about the library itself (the SDK's static members). */
public final class Wonderful {

    static final String VERSION_RESOURCE = "/META-INF/wonderful/version.properties";

    private Wonderful() {
    }

    /**
     * The library's version, for example {@code 0.1.0}, as the build wrote it into
     * {@code META-INF/wonderful/version.properties}; {@code "unknown"} when the library runs from a build that
     * did not write it. Read once, from the library's own jar, on the first call.
     *
     * @return the version, never {@code null}: the {@code version} property of that resource, trimmed, or
     *         {@code "unknown"} when the resource is absent, cannot be read, or the property is empty or unresolved
     */
    public static String version() {
        return VersionHolder.VERSION;
    }

    // Read once, on first use, from this jar (not from whatever the context class loader sees first).
    private static final class VersionHolder {
        static final String VERSION = read();

        private static String read() {
            try (InputStream in = Wonderful.class.getResourceAsStream(VERSION_RESOURCE)) {
                if (in == null) {
                    return "unknown";
                }
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version", "").trim();
                return version.isEmpty() || version.contains("${") ? "unknown" : version;
            } catch (IOException e) {
                return "unknown"; // a version is not worth failing the caller for
            }
        }
    }
}
