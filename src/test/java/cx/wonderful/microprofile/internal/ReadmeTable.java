package cx.wonderful.microprofile.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The first Markdown table under a heading of README, as cells: the header row first, then the body rows. */
final class ReadmeTable {

    /** README at the repository root; the library module's tests run in {@code src/}. */
    static final Path README = Path.of(System.getProperty("readme.file", "../README.md"));

    private ReadmeTable() {
    }

    /** The table's rows, each cell stripped and unquoted (one pair of backticks around the whole cell goes). */
    static List<List<String>> under(String heading) throws IOException {
        List<String> lines = Files.readAllLines(README);
        int at = lines.indexOf(heading);
        assertTrue(at >= 0, "README has " + heading);
        while (at < lines.size() && !lines.get(at).startsWith("|")) {
            at++;
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = at; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            if (i != at + 1) { // the delimiter row |---|
                rows.add(cells(lines.get(i)));
            }
        }
        assertTrue(rows.size() > 1, "a table under " + heading);
        return rows;
    }

    private static List<String> cells(String row) {
        String inner = row.strip().substring(1, row.strip().length() - 1);
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).map(ReadmeTable::unquote).toList();
    }

    private static String unquote(String cell) {
        return cell.length() > 1 && cell.startsWith("`") && cell.endsWith("`") && cell.indexOf('`', 1) == cell.length() - 1
                ? cell.substring(1, cell.length() - 1) : cell;
    }
}
