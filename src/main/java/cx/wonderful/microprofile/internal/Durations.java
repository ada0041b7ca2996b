package cx.wonderful.microprofile.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the duration forms the configuration accepts: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, ISO-8601, or milliseconds. */
public final class Durations {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    private Durations() {
    }

    /**
     * @throws IllegalArgumentException when {@code text} is none of the accepted forms, or negative
     */
    public static Duration parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        Matcher simple = SIMPLE.matcher(value);
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            String unit = simple.group(2) == null ? "ms" : simple.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            Duration parsed = Duration.parse(text.trim().toUpperCase(Locale.ROOT));
            if (parsed.isNegative()) {
                throw new IllegalArgumentException("a duration must not be negative: " + text);
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a duration (use 500ms, 30s, 5m, 1h, PT30S or milliseconds): " + text, e);
        }
    }
}
