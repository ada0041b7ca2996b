package cx.wonderful.it.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The client side of the results: prints a benchmark's table on the Maven console (failsafe's output, not the
 * server's log) and gathers every table written so far into {@code results.md}, in benchmark order.
 */
final class BenchResults {

    /** The failsafe system property naming the results directory (set by the {@code bench} profile). */
    static final String DIR_PROPERTY = "it.bench.dir";

    private BenchResults() {
    }

    static Path dir() {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null) {
            throw new IllegalStateException("system property " + DIR_PROPERTY
                    + " is not set: run the benchmarks with the bench profile (mvn -B verify -Pbench -pl it -am -DskipTests)");
        }
        return Path.of(dir);
    }

    /** Prints table {@code id} and rewrites results.md; fails when the in-server part wrote no table. */
    static void publish(String id) {
        Path dir = dir();
        try {
            Path table = dir.resolve(id + ".md");
            if (!Files.isRegularFile(table)) {
                throw new AssertionError("no results for " + id + " in " + dir + ": its measurement failed (see above)");
            }
            System.out.println();
            System.out.println(Files.readString(table, StandardCharsets.UTF_8));
            StringBuilder all = new StringBuilder("# wonderful-microprofile benchmarks\n\n");
            Path environment = dir.resolve("environment.md");
            if (Files.isRegularFile(environment)) {
                all.append(Files.readString(environment, StandardCharsets.UTF_8));
            }
            List<Path> tables;
            try (Stream<Path> files = Files.list(dir)) {
                tables = files.filter(p -> p.getFileName().toString().matches("\\d.*\\.md")).sorted().toList();
            }
            for (Path p : tables) {
                all.append(Files.readString(p, StandardCharsets.UTF_8));
            }
            Files.writeString(dir.resolve("results.md"), all.toString(), StandardCharsets.UTF_8);
            System.out.println("(all tables so far: " + dir.resolve("results.md") + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
