package cx.wonderful.it.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * What a {@link Jfr} recording's execution samples say, read on the client side: the hottest top frames (where the
 * threads were running), the library's methods by the share of samples they are on the stack of, and the samples
 * per thread (names with digits folded).
 */
final class JfrHotFrames {

    private static final String LIBRARY = "cx.wonderful.microprofile.";

    private JfrHotFrames() {
    }

    /** A Markdown summary of {@code file}, {@code top} entries per list. */
    static String summary(String title, Path file, int top) {
        List<RecordedEvent> samples;
        try {
            samples = RecordingFile.readAllEvents(file).stream()
                    .filter(e -> e.getEventType().getName().equals("jdk.ExecutionSample") && e.getStackTrace() != null).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> library = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        for (RecordedEvent sample : samples) {
            List<RecordedFrame> frames = sample.getStackTrace().getFrames();
            if (!frames.isEmpty()) {
                self.merge(name(frames.get(0)), 1, Integer::sum);
            }
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String method = name(frame);
                if (method.startsWith(LIBRARY) && seen.add(method)) {
                    library.merge(method.substring(LIBRARY.length()), 1, Integer::sum);
                }
            }
            String thread = sample.getThread("sampledThread") == null ? "?" : sample.getThread("sampledThread").getJavaName();
            threads.merge(thread == null ? "?" : thread.replaceAll("\\d+", "#"), 1, Integer::sum);
        }
        int n = Math.max(1, samples.size());
        return "**" + title + "** (" + samples.size() + " execution samples, every 1 ms, client JVM)\n\n"
                + "- top frames: " + ranked(self, n, top) + "\n"
                + "- library methods on the stack: " + (library.isEmpty() ? "none" : ranked(library, n, top)) + "\n"
                + "- samples by thread: " + ranked(threads, n, top) + "\n\n";
    }

    /** Class and method, with the generated parts of lambda and CDI proxy class names folded. */
    private static String name(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName().replaceAll("\\$\\$Lambda\\$.*", "\\$\\$Lambda")
                .replaceAll("\\$Proxy\\$_\\$\\$_Weld.*", "\\$WeldProxy");
        return type + "." + frame.getMethod().getName();
    }

    private static String ranked(Map<String, Integer> counts, int total, int top) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .map(e -> "`" + e.getKey() + "` " + Math.round(100.0 * e.getValue() / total) + "%")
                .collect(Collectors.joining(", "));
    }
}
