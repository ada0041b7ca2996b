package cx.wonderful.example.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README's samples are this module's sources: every code block of README.md preceded by
 * {@code <!-- source: <path from the repository root>#<tag> -->} must equal the lines between {@code tag::<tag>[]}
 * and {@code end::<tag>[]} of that file (indentation common to the region removed), and every Java block must
 * have such a source, so that no Java sample in README is left unchecked.
 */
class ReadmeSamplesTest {

    private static final Pattern SOURCE = Pattern.compile("<!-- source: (\\S+)#(\\S+) -->");

    record Block(int line, String language, String text, String path, String tag) {
    }

    @Test
    void everyMarkedBlockIsItsSourceAndEveryJavaBlockIsMarked() throws IOException {
        Path readme = Path.of(System.getProperty("readme.file", "../../README.md"));
        List<Block> blocks = blocks(Files.readAllLines(readme));
        assertTrue(blocks.stream().filter(b -> b.path() != null).count() >= 6, "README's samples are marked: " + blocks.size());
        List<String> failures = new ArrayList<>();
        for (Block block : blocks) {
            if (block.path() == null) {
                if (block.language().equals("java")) {
                    failures.add("README line " + block.line() + ": a Java block without <!-- source: ... --> above it");
                }
                continue;
            }
            Path source = readme.getParent().resolve(block.path());
            if (!Files.isRegularFile(source)) {
                failures.add("README line " + block.line() + ": no file " + block.path());
                continue;
            }
            String region = region(Files.readAllLines(source), block.tag());
            if (region == null) {
                failures.add("README line " + block.line() + ": no tag::" + block.tag() + "[] in " + block.path());
            } else if (!region.equals(block.text())) {
                failures.add("README line " + block.line() + " differs from " + block.path() + "#" + block.tag()
                        + "\n--- README\n" + block.text() + "\n--- source\n" + region);
            }
        }
        if (!failures.isEmpty()) {
            fail(String.join("\n\n", failures));
        }
    }

    @Test
    void aChangedSampleIsCaught() {
        List<String> source = List.of("class A {", "    // tag::x[]", "    void a() {", "        b();", "    }", "    // end::x[]", "}");
        assertEquals("void a() {\n    b();\n}", region(source, "x"));
        List<Block> blocks = blocks(List.of("<!-- source: A.java#x -->", "```java", "void a() {", "    c();", "}", "```"));
        assertEquals(1, blocks.size());
        assertFalse(blocks.get(0).text().equals(region(source, "x")), "a block that no longer matches its source");
        assertEquals(null, region(source, "y"));
    }

    /** The fenced blocks of a Markdown file, each with the source marker right above it (if any). */
    static List<Block> blocks(List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("```")) {
                continue;
            }
            String language = line.substring(3).trim();
            int start = i;
            List<String> text = new ArrayList<>();
            for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                text.add(lines.get(i));
            }
            Matcher marker = start > 0 ? SOURCE.matcher(lines.get(start - 1).trim()) : null;
            boolean marked = marker != null && marker.matches();
            blocks.add(new Block(start + 1, language, String.join("\n", text), marked ? marker.group(1) : null, marked ? marker.group(2) : null));
        }
        return blocks;
    }

    /** The lines between {@code tag::<tag>[]} and {@code end::<tag>[]}, other tag lines dropped, common indent removed. */
    static String region(List<String> lines, String tag) {
        int start = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("tag::" + tag + "[]") && start < 0) {
                start = i;
            } else if (lines.get(i).contains("end::" + tag + "[]") && start >= 0) {
                end = i;
                break;
            }
        }
        if (start < 0 || end < 0) {
            return null;
        }
        List<String> region = lines.subList(start + 1, end).stream().filter(l -> !l.contains("tag::") && !l.contains("end::")).toList();
        int indent = region.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return String.join("\n", region.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList());
    }
}
