package cx.wonderful.it.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Live objects by class (the JVM's {@code GC.class_histogram} diagnostic command, through the platform MBean
 * server): what a number of sessions actually holds, rather than a guess.
 */
final class HeapHistogram {

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)", Pattern.MULTILINE);

    private final Map<String, Long> bytesByClass;

    private HeapHistogram(Map<String, Long> bytesByClass) {
        this.bytesByClass = bytesByClass;
    }

    /** Takes a histogram now (the command runs a full GC first). */
    static HeapHistogram take() {
        try {
            String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            Map<String, Long> bytes = new HashMap<>();
            Matcher row = ROW.matcher(text);
            while (row.find()) {
                bytes.merge(row.group(3), Long.parseLong(row.group(2)), Long::sum);
            }
            return new HeapHistogram(bytes);
        } catch (JMException e) {
            throw new IllegalStateException("the GC.class_histogram diagnostic command is not available", e);
        }
    }

    /** Growth from {@code before} of the classes whose names start with {@code prefix}, in bytes (shallow sizes). */
    long growthOfPackage(HeapHistogram before, String prefix) {
        return bytesByClass.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(e -> e.getValue() - before.bytesByClass.getOrDefault(e.getKey(), 0L)).sum();
    }

    /** Growth from {@code before} of every class, in bytes (shallow sizes). */
    long growthOfAll(HeapHistogram before) {
        return growthOfPackage(before, "");
    }

    /** The {@code top} classes that grew most from {@code before} to this one, as bytes per {@code perUnit}. */
    String growthSince(HeapHistogram before, int perUnit, int top) {
        Set<String> classes = bytesByClass.keySet();
        return classes.stream()
                .map(c -> Map.entry(c, bytesByClass.get(c) - before.bytesByClass.getOrDefault(c, 0L)))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .map(e -> e.getKey() + " " + e.getValue() / perUnit + " B")
                .collect(Collectors.joining(", "));
    }
}
