package cx.wonderful.it.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * A JDK Flight Recorder recording of this JVM, started and stopped through the {@code JFR.start} / {@code JFR.stop}
 * diagnostic commands (the platform MBean server, as {@code jcmd} would): no JFR types are needed where it runs,
 * so it works inside the server; the file is read on the client side ({@link JfrHotFrames}).
 */
final class Jfr {

    /** Only execution samples, every millisecond (the "profile" settings sample every 10 ms, too few for a short loop). */
    private static final String SETTINGS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <configuration version="2.0" label="bench-execution-samples">
              <event name="jdk.ExecutionSample"><setting name="enabled">true</setting><setting name="period">1 ms</setting></event>
            </configuration>
            """;

    private final String name;
    private final Path file;

    private Jfr(String name, Path file) {
        this.name = name;
        this.file = file;
    }

    /** Starts recording {@code name}; {@link #stop()} writes it to {@code <dir>/<name>.jfr}. */
    static Jfr start(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Path settings = dir.resolve("execution-samples.jfc");
            Files.writeString(settings, SETTINGS, StandardCharsets.UTF_8);
            command("jfrStart", "name=" + name, "settings=" + settings);
            return new Jfr(name, dir.resolve(name + ".jfr"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the recording and writes it; returns the file. */
    Path stop() {
        command("jfrStop", "name=" + name, "filename=" + file);
        return file;
    }

    private static void command(String operation, String... arguments) {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    operation, new Object[] {arguments}, new String[] {String[].class.getName()});
        } catch (JMException e) {
            throw new IllegalStateException("the " + operation + " diagnostic command failed", e);
        }
    }
}
