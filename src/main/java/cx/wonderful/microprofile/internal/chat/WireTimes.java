package cx.wonderful.microprofile.internal.chat;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads a wire time: epoch milliseconds (CODE for Chat V3), as a number or a numeric string, or ISO-8601. */
final class WireTimes {

    private WireTimes() {
    }

    /** The instant, or null when the value is missing or not a time. */
    static Instant read(JsonValue value) {
        if (value instanceof JsonNumber number) {
            return Instant.ofEpochMilli(number.longValue());
        }
        if (value instanceof JsonString string) {
            String text = string.getString().trim();
            if (text.matches("\\d{1,15}")) {
                return Instant.ofEpochMilli(Long.parseLong(text));
            }
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }
}
