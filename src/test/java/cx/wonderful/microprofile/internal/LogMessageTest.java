package cx.wonderful.microprofile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every WARNING and SEVERE line of the library goes through {@link LogMessage} (so it has a message id), no id is
 * written anywhere else, and README's troubleshooting table lists exactly these ids with their levels.
 */
class LogMessageTest {

    /** The library's sources; its tests run in {@code src/}. */
    private static final Path SOURCES = Path.of("main/java");
    private static final String HOME = "cx/wonderful/microprofile/internal/LogMessage.java";
    /** A WARNING or SEVERE call of java.util.logging. */
    private static final Pattern HIGH_LEVEL = Pattern.compile("Level\\.(WARNING|SEVERE)|\\.(warning|severe)\\s*\\(");
    private static final Pattern LOG_CALL = Pattern.compile("\\.log\\(\\s*([^,()]+(?:\\([^)]*\\))?)\\s*,");
    private static final Pattern ID = Pattern.compile("WMP\\d{4}[EWI]");

    @Test
    void everyWarningAndSevereLineOfTheLibraryHasAMessageId() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = SOURCES.relativize(file).toString().replace('\\', '/');
                if (name.equals(HOME)) {
                    continue;
                }
                String text = Files.readString(file);
                Matcher high = HIGH_LEVEL.matcher(text);
                while (high.find()) {
                    offenders.add(name + ":" + line(text, high.start()) + " logs " + high.group() + " without LogMessage");
                }
                Matcher call = LOG_CALL.matcher(text);
                while (call.find()) {
                    // A JUL call names its level first; a LogMessage call names the logger (LOG) first.
                    if (!call.group(1).strip().matches("Level\\.(FINEST|FINER|FINE|CONFIG|INFO)|LOG")) {
                        offenders.add(name + ":" + line(text, call.start()) + " logs at " + call.group(1).strip());
                    }
                }
                Matcher id = ID.matcher(text);
                while (id.find()) {
                    offenders.add(name + ":" + line(text, id.start()) + " writes the id " + id.group() + " itself");
                }
            }
        }
        assertEquals(List.of(), offenders);
    }

    @Test
    void readmesTroubleshootingTableListsEveryMessageIdWithItsLevel() throws IOException {
        Map<String, String> documented = troubleshootingRows();
        Map<String, String> messages = new LinkedHashMap<>();
        for (LogMessage message : LogMessage.values()) {
            messages.put(message.id(), message.level().getName());
        }
        assertEquals(messages, documented);
    }

    @Test
    void idsAreUniqueAndTheirSuffixIsTheirSeverity() {
        assertEquals(LogMessage.values().length,
                Arrays.stream(LogMessage.values()).map(LogMessage::id).collect(Collectors.toSet()).size());
        for (LogMessage message : LogMessage.values()) {
            char suffix = message.id().charAt(message.id().length() - 1);
            char expected = switch (message.level().getName()) {
                case "SEVERE" -> 'E';
                case "WARNING" -> 'W';
                default -> 'I';
            };
            assertEquals(expected, suffix, message.id());
        }
    }

    @Test
    void aLineStartsWithItsIdAndNeverShowsASecret() {
        String line = LogMessage.CHAT_INIT_NOT_SENT.format("s-1",
                "failed at wss://user:hunter22@api.example/chat, Bearer abcdefghijkl, token=opaque-secret-1");
        assertTrue(line.startsWith("WMP0401W: chat session s-1: the init frame was not sent ("), line);
        assertFalse(line.contains("hunter22") || line.contains("abcdefghijkl") || line.contains("opaque-secret-1"), line);
    }

    /** Id to level of the troubleshooting table. */
    private static Map<String, String> troubleshootingRows() throws IOException {
        List<List<String>> table = ReadmeTable.under("### Troubleshooting");
        assertEquals(List.of("Id", "Level", "Meaning", "What to do"), table.get(0));
        Map<String, String> rows = new LinkedHashMap<>();
        for (List<String> cells : table.subList(1, table.size())) {
            assertEquals(null, rows.put(cells.get(0), cells.get(1)), "README lists " + cells.get(0) + " once");
        }
        return rows;
    }

    private static int line(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
