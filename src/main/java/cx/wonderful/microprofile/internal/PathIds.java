package cx.wonderful.microprofile.internal;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The one rule for ids that go into a URL path ({@link WireContract#PATH_ID_PATTERN}), and the encoding of a path
 * segment. Two independent defences: {@link #require} refuses an id outside the rule before any call, and
 * {@link #segment} percent-encodes whatever it is given so that no segment can ever read as {@code /}, {@code .} or
 * {@code ..} to a server or a gateway that normalises paths.
 */
public final class PathIds {

    private static final Pattern ID = Pattern.compile(WireContract.PATH_ID_PATTERN);

    private PathIds() {
    }

    /**
     * Returns {@code value} when it is a valid path id.
     *
     * @param field the name of the parameter, for the message
     * @throws WonderfulException {@code VALIDATION_ERROR} for null, blank, too long, {@code .}, {@code ..}, or any
     *         character outside letters, digits and {@code - _ . ~} (so no {@code /}, {@code %}, {@code ?}, {@code #},
     *         whitespace or control character); the message shows the value only when it is printable and short
     */
    public static String require(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw invalid(field + " is required");
        }
        if (value.length() > WireContract.PATH_ID_MAX_LENGTH || !ID.matcher(value).matches()) {
            throw invalid(field + " may only hold 1 to " + WireContract.PATH_ID_MAX_LENGTH
                    + " letters, digits and - _ . ~ (not only dots), was " + shown(value));
        }
        return value;
    }

    /** Whether {@code value} follows the rule of {@link #require}. */
    public static boolean isValid(String value) {
        return value != null && !value.isEmpty() && value.length() <= WireContract.PATH_ID_MAX_LENGTH
                && ID.matcher(value).matches();
    }

    /**
     * {@code value} as one path segment: every byte outside the RFC 3986 unreserved set percent-encoded, and the
     * dots of a segment made only of dots as well ({@code %2E}), so the result never holds {@code /}, {@code ?},
     * {@code #} or a dot segment.
     */
    public static String segment(String value) {
        StringBuilder out = new StringBuilder(value.length());
        boolean onlyDots = !value.isEmpty() && value.chars().allMatch(c -> c == '.');
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean unreserved = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '_' || c == '~' || c == '.' && !onlyDots;
            if (unreserved) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** A value fit for a message: itself when short and printable, else only its length. */
    static String shown(String value) {
        boolean printable = value.length() <= 64 && value.chars().allMatch(c -> c > ' ' && c < 127);
        return printable ? "'" + value + "'" : "a value of " + value.length() + " characters";
    }

    private static WonderfulException invalid(String message) {
        return new WonderfulException(ErrorCode.VALIDATION_ERROR, message);
    }
}
