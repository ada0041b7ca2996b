package cx.wonderful.it.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The test server's logs (Liberty's messages, trace, FFDC reports; WildFly's server.log), read from the failsafe JVM: no secret may be in them. */
public final class ServerLogs {

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}");

    private ServerLogs() {
    }

    /** Fails when any log file holds the simulator's API key, one of its Wonderful tokens, or a JWT. */
    public static void assertNoSecrets() throws IOException {
        // it.server.logs names another runtime's log directory (the WildFly run's); else the Liberty server's.
        String other = System.getProperty("it.server.logs");
        Path logs = other != null ? Path.of(other)
                : Path.of(System.getProperty("it.wlp.dir"), "usr", "servers", System.getProperty("it.server.name"), "logs");
        assertTrue(Files.isDirectory(logs), "run as a client, from failsafe: " + logs);
        try (Stream<Path> files = Files.walk(logs)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                assertFalse(text.contains(Simulator.API_KEY), "the API key is in " + file);
                assertFalse(text.contains("sim-token-"), "a Wonderful token is in " + file);
                assertFalse(JWT.matcher(text).find(), "a JWT is in " + file);
            }
        }
    }
}
