package cx.wonderful.simulator;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The strict contract mode ({@code simulator.strict=true}): the simulator takes, everywhere, the less convenient
 * variant that shared/wonderful-api.md §2.5 allows a real server, so that a client which passes against it depends
 * only on the contract:
 * <ul>
 * <li>the sign answer carries {@code jwt} only (no {@code expiresAt}, no {@code id});</li>
 * <li>error bodies carry no {@code error} code, and the message in {@code detail} (4xx) or inside {@code data}
 * (5xx); a 409 for an ended session is plain text;</li>
 * <li>every JSON object of an answer or a socket frame gains a field outside the contract (application metadata
 * and tool details excepted: those are the caller's own content);</li>
 * <li>cursors are opaque strings ({@code "0-0"} stays the documented start);</li>
 * <li>response header names in lower case ({@code retry-after} on an injected 429/503);</li>
 * <li>no field beyond the contract: history events without a transcript id;</li>
 * <li>socket times as ISO-8601 text in whole seconds (the REST history keeps epoch ms, which is CODE).</li>
 * </ul>
 * Read once per application from MicroProfile Config; off by default.
 */
public final class StrictContract {

    /** The config key of the switch. */
    public static final String KEY = "simulator.strict";
    /** The field outside the contract added to every object in strict mode. */
    public static final String UNKNOWN_FIELD = "x_strict_unknown";
    private static final Set<String> CALLERS_CONTENT = Set.of("metadata", "tool_details", "channel_details");
    private static final String CURSOR_PREFIX = "opq_";
    private static volatile Boolean enabled;

    private StrictContract() {
    }

    public static boolean on() {
        Boolean current = enabled;
        if (current == null) {
            try {
                current = ConfigProvider.getConfig().getOptionalValue(KEY, Boolean.class).orElse(false);
            } catch (IllegalStateException noConfigImplementation) {
                current = false; // outside a server (the unit tests): the ordinary mode
            }
            enabled = current;
        }
        return current;
    }

    /** For tests: switches the mode on or off, or back to the configuration with null. */
    public static void force(Boolean strict) {
        enabled = strict;
    }

    /** {@code value} with {@link #UNKNOWN_FIELD} in every object (when strict; else unchanged). */
    public static JsonValue decorate(JsonValue value) {
        return on() ? withUnknown(value) : value;
    }

    private static JsonValue withUnknown(JsonValue value) {
        switch (value.getValueType()) {
            case OBJECT: {
                JsonObjectBuilder out = Json.createObjectBuilder();
                value.asJsonObject().forEach((k, v) -> out.add(k, CALLERS_CONTENT.contains(k) ? v : withUnknown(v)));
                out.add(UNKNOWN_FIELD, Json.createObjectBuilder().add("note", "a field outside the contract"));
                return out.build();
            }
            case ARRAY: {
                JsonArrayBuilder out = Json.createArrayBuilder();
                value.asJsonArray().forEach(v -> out.add(withUnknown(v)));
                return out.build();
            }
            default:
                return value;
        }
    }

    /** The error body for a status (strict: no code, the message in {@code detail} or inside {@code data}). */
    public static JsonObject errorBody(int status, String code, String message) {
        if (!on()) {
            return Json.createObjectBuilder().add("message", message).add("error", code).build();
        }
        return status < 500 ? Json.createObjectBuilder().add("detail", message).build()
                : Json.createObjectBuilder().add("data", Json.createObjectBuilder().add("message", message)).build();
    }

    /** A cursor for {@code consumed} events (strict: opaque text, except the documented start {@code 0-0}). */
    public static String cursor(int consumed) {
        if (!on() || consumed == 0) {
            return consumed + "-0";
        }
        return CURSOR_PREFIX + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("events:" + consumed).getBytes(StandardCharsets.UTF_8));
    }

    /** The plain cursor {@code "<n>-0"} of a strict one, or null when {@code cursor} is not one (then: invalid). */
    public static String plainCursor(String cursor) {
        if (!on() || cursor.equals("0-0")) {
            return cursor;
        }
        if (!cursor.startsWith(CURSOR_PREFIX)) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.substring(CURSOR_PREFIX.length())),
                    StandardCharsets.UTF_8);
            return text.startsWith("events:") ? text.substring("events:".length()) + "-0" : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A socket transcript's time (strict: ISO-8601 text in whole seconds; else epoch ms). */
    public static JsonValue socketTime(Instant at) {
        if (!on()) {
            return Json.createValue(at.toEpochMilli());
        }
        JsonString iso = Json.createValue(at.truncatedTo(ChronoUnit.SECONDS).toString());
        return iso;
    }
}
