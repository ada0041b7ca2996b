package cx.wonderful.it.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * One benchmark's results as a Markdown table, every figure beside its baseline from the same run and their ratio
 * (library / baseline). Written inside the server to {@code <bench.results.dir>/<id>.md}, which
 * {@link BenchResults} prints on the Maven console and gathers into {@code results.md}.
 */
final class BenchTable {

    /** The WAR's config key of the results directory (see {@link BenchDeployments}). */
    static final String RESULTS_DIR_KEY = "bench.results.dir";

    private final String id;
    private final String title;
    private final String libraryLabel;
    private final String baselineLabel;
    private final List<String> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    BenchTable(String id, String title, String libraryLabel, String baselineLabel) {
        this.id = id;
        this.title = title;
        this.libraryLabel = libraryLabel;
        this.baselineLabel = baselineLabel;
    }

    /** p50, p90 and p99 of two latency distributions, in microseconds; {@code p50Target} and {@code p99Target} may be null. */
    BenchTable latency(String what, Samples library, Samples baseline, Double p50Target, Double p99Target) {
        percentileRow(what, 50, library, baseline, p50Target);
        percentileRow(what, 90, library, baseline, null);
        percentileRow(what, 99, library, baseline, p99Target);
        return this;
    }

    private void percentileRow(String what, int p, Samples library, Samples baseline, Double maxRatio) {
        double lib = library.percentile(p) / 1_000.0;
        double base = baseline.percentile(p) / 1_000.0;
        row(what + " p" + p + " (µs, n=" + library.count() + "/" + baseline.count() + ")", lib, base,
                maxRatio == null ? null : "≤ " + fmt(maxRatio) + "x", maxRatio == null ? null : lib / base <= maxRatio);
    }

    /** A figure beside its baseline, their ratio, and whether the ratio meets {@code target} (null: no target). */
    BenchTable row(String what, double library, double baseline, String target, Boolean met) {
        rows.add("| " + what + " | " + fmt(library) + " | " + fmt(baseline) + " | " + ratio(library, baseline) + " | "
                + (target == null ? "" : target) + " | " + verdict(met) + " |");
        return this;
    }

    /** A figure that has no baseline of its own (an invariant or an absolute target). */
    BenchTable fact(String what, String value, String target, Boolean met) {
        rows.add("| " + what + " | " + value + " | | | " + (target == null ? "" : target) + " | " + verdict(met) + " |");
        return this;
    }

    BenchTable note(String text) {
        notes.add(text);
        return this;
    }

    /** Writes the table and the environment it was measured in; returns the Markdown. */
    String write() {
        return write(Path.of(ConfigProvider.getConfig().getValue(RESULTS_DIR_KEY, String.class)));
    }

    /** {@link #write()} into {@code dir}, for a table made outside the server (its environment is then the client's). */
    String write(Path dir) {
        StringBuilder md = new StringBuilder("## ").append(title).append("\n\n")
                .append("| measure | ").append(libraryLabel).append(" | ").append(baselineLabel)
                .append(" (baseline) | ratio | target | |\n|---|---:|---:|---:|---|---|\n");
        rows.forEach(r -> md.append(r).append('\n'));
        md.append('\n');
        notes.forEach(n -> md.append("- ").append(n).append('\n'));
        // The machine is shared: the load says how much of the noise came from elsewhere.
        md.append("- System load average (1 min) when the table was written: ")
                .append(fmt(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())).append(" on ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores.\n");
        md.append('\n');
        String text = md.toString();
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(id + ".md"), text, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("environment.md"), environment(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text;
    }

    /** Where the figures come from: the server JVM that ran them (library, simulator and baselines alike). */
    private static String environment() {
        Runtime runtime = Runtime.getRuntime();
        return "Measured " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " inside one Open Liberty JVM ("
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + ", "
                + runtime.availableProcessors() + " cores, max heap " + runtime.maxMemory() / (1024 * 1024) + " MB, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", GC "
                + ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList()
                + "); the simulator runs in the same JVM, so every figure includes the server's share on the same 2 cores.\n"
                + "Ratios are library / baseline, measured in the same run; no target is asserted (timings are reported, "
                + "correctness invariants are asserted).\n\n";
    }

    static String fmt(double value) {
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 10 ? "%.1f" : "%.2f", value);
    }

    private static String ratio(double library, double baseline) {
        return baseline == 0 ? "n/a" : String.format(Locale.ROOT, "%.2fx", library / baseline);
    }

    private static String verdict(Boolean met) {
        return met == null ? "" : met ? "met" : "**missed**";
    }
}
