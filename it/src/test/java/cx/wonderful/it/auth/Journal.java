package cx.wonderful.it.auth;

import cx.wonderful.it.support.Simulator;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The simulator's request journal, and its token admin, as the auth ITs read and use them. */
final class Journal {

    private Journal() {
    }

    /** The journal entries whose path starts with {@code prefix}, in order. */
    static List<JsonObject> entries(String prefix) {
        JsonObject answer = (JsonObject) Simulator.admin("GET",
                "/__admin/journal?path=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8), null);
        JsonArray data = answer.getJsonArray("data");
        return data.getValuesAs(JsonObject.class);
    }

    static void clear() {
        Simulator.admin("DELETE", "/__admin/journal", null);
    }

    static void revoke(String token) {
        Simulator.admin("POST", "/__admin/tokens/revoke", "{\"token\":\"" + token + "\"}");
    }
}
