package cx.wonderful.microprofile.internal;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text that did not come from the library itself (a server's error message, a runtime's
 * exception message) before it goes into a {@code WonderfulException} message, a log line or an event. What goes:
 * every secret the caller knows of (the configured API key and tokens, the credential the call used), anything
 * JWT-shaped (three base64url parts, the first a JSON header), the value after {@code Bearer}, the value of an
 * {@code x-api-key}/{@code apikey}/{@code token}/{@code password}/{@code secret} assignment, and the user
 * information of any URL. Each is replaced by {@code ****}.
 */
public final class Redaction {

    static final String MASK = "****";
    /** A secret shorter than this is not searched for: too short to be a real one, and it would mask common words. */
    static final int MIN_SECRET_LENGTH = 6;

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s\"',;]+");
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?i)((?:x-api-key|api[-_]?key|apikey|access[-_]?token|signed[-_]?token|token|password|passwd|secret|jwt)"
                    + "[\"']?\\s*[:=]\\s*[\"']?)[^\\s\"',;}]+");
    private static final Pattern URL_USER_INFO = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://)[^/@\\s?#]+@");

    private Redaction() {
    }

    /** {@code text} with every known secret and every secret-shaped part masked; null stays null. */
    public static String scrub(String text, Collection<String> knownSecrets) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : knownSecrets) {
            if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
                out = maskCutAtEnd(out.replace(secret, MASK), secret);
            }
        }
        out = JWT.matcher(out).replaceAll(MASK);
        out = BEARER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        out = ASSIGNMENT.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        out = URL_USER_INFO.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + "@"));
        return out;
    }

    /**
     * {@code text} whose end, before a truncation mark ({@code ...}) if any, is a beginning of {@code secret} of at
     * least {@link #MIN_SECRET_LENGTH} characters, with that part masked: a server's text cut to a bounded length
     * can end inside a secret it echoed.
     */
    private static String maskCutAtEnd(String text, String secret) {
        String body = text.endsWith("...") ? text.substring(0, text.length() - 3) : text;
        for (int length = secret.length() - 1; length >= MIN_SECRET_LENGTH; length--) {
            if (body.endsWith(secret.substring(0, length))) {
                return body.substring(0, body.length() - length) + MASK + text.substring(body.length());
            }
        }
        return text;
    }

    /** {@link #scrub(String, Collection)} for text with no known secret at hand: the shapes only. */
    public static String scrub(String text) {
        return scrub(text, java.util.List.of());
    }
}
