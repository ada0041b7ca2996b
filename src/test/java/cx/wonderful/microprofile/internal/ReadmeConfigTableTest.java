package cx.wonderful.microprofile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * README's configuration table is the {@link Setting} table: every key, its environment variable and its default,
 * none missing and none extra. Rows that are no single key (a named client's {@code wonderful.<name>.*}, the
 * {@code mp-rest} keys) are not compared.
 */
class ReadmeConfigTableTest {

    record Row(String key, String envName, String defaultText) {
    }

    @Test
    void readmesConfigurationTableIsTheSettingTable() throws IOException {
        Map<String, Row> documented = keyRows();
        Map<String, Row> table = new LinkedHashMap<>();
        for (Setting setting : Setting.values()) {
            table.put(setting.key(), new Row(setting.key(), setting.envName(), setting.defaultText()));
        }
        assertEquals(table.keySet(), documented.keySet(), "README's keys (missing or extra) against Setting");
        List<String> drift = new ArrayList<>();
        table.forEach((key, row) -> {
            if (!row.equals(documented.get(key))) {
                drift.add("README " + documented.get(key) + " but Setting " + row);
            }
        });
        assertEquals(List.of(), drift);
    }

    @Test
    void theEnvironmentVariablesFollowMicroProfileConfigsRule() {
        assertEquals("WONDERFUL_BASE_URL", Setting.BASE_URL.envName());
        assertEquals("WONDERFUL_END_USER_TOKEN_LIFETIME", Setting.END_USER_TOKEN_LIFETIME.envName());
        assertEquals("WONDERFUL_WS_MAX_RECONNECT_ATTEMPTS", Setting.WS_MAX_RECONNECT_ATTEMPTS.envName());
        assertTrue(Arrays.stream(Setting.values()).allMatch(s -> s.envName().matches("WONDERFUL_[A-Z0-9_]+")));
        assertEquals(Setting.values().length,
                Arrays.stream(Setting.values()).map(Setting::envName).collect(Collectors.toSet()).size(), "no two keys share one");
    }

    /** The rows of the configuration table whose first cell is one {@code wonderful.*} key. */
    private static Map<String, Row> keyRows() throws IOException {
        List<List<String>> table = ReadmeTable.under("### Configuration");
        assertEquals(List.of("Key", "Environment variable", "Default", "Meaning"), table.get(0));
        Map<String, Row> rows = new LinkedHashMap<>();
        for (List<String> cells : table.subList(1, table.size())) {
            String key = cells.get(0);
            if (key.matches("wonderful\\.[a-z.-]+")) {
                assertEquals(null, rows.put(key, new Row(key, cells.get(1), cells.get(2))), "README lists " + key + " once");
            }
        }
        return rows;
    }
}
