package cx.wonderful.it.communications;

import cx.wonderful.it.support.Simulator;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * The ground truth the ITs compare the library with: every record of the tenant, read straight from the
 * simulator's wire API (one page of 100, no library code involved), and the journal of what the library sent.
 */
final class SeededHistory {

    private SeededHistory() {
    }

    /** Every communication of the test tenant, in the simulator's default order (newest first). */
    static List<JsonObject> all() {
        HttpResponse<String> response = Simulator.send(HttpRequest.newBuilder(Simulator.uri(
                "/api/v1/communications?limit=100&page=1&filters=" + URLEncoder.encode("{}", StandardCharsets.UTF_8)))
                .header("x-api-key", Simulator.API_KEY).header("Accept", "application/json").GET().build());
        if (response.statusCode() != 200) {
            throw new AssertionError("the simulator's list answered " + response.statusCode() + ": " + response.body());
        }
        JsonObject body = Simulator.parse(response.body()).orElseThrow().asJsonObject();
        if (body.getJsonObject("pagination").getInt("total_pages") != 1) {
            throw new AssertionError("the ground truth must fit in one page of 100: " + body.getJsonObject("pagination"));
        }
        return body.getJsonArray("data").getValuesAs(JsonObject.class);
    }

    /** The ids of the records that match, in order. */
    static List<String> ids(List<JsonObject> records, Predicate<JsonObject> matching) {
        return records.stream().filter(matching).map(r -> r.getString("id")).toList();
    }

    static Predicate<JsonObject> field(String name, String... values) {
        List<String> allowed = List.of(values);
        return r -> r.get(name) != null && r.get(name).getValueType() == JsonValue.ValueType.STRING
                && allowed.contains(r.getString(name));
    }

    static Instant startTime(JsonObject record) {
        return Instant.parse(record.getString("start_time"));
    }

    /** The {@code page} query parameter of every list request the simulator journaled, in order. */
    static List<Integer> journaledListPages() {
        return Simulator.journal("/api/v1/communications").stream()
                .filter(e -> e.getString("path").equals("/api/v1/communications"))
                .map(e -> Integer.parseInt(param(e.getString("query", ""), "page")))
                .toList();
    }

    private static String param(String rawQuery, String name) {
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + rawQuery);
    }
}
