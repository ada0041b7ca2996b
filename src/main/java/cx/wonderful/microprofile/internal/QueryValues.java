package cx.wonderful.microprofile.internal;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Query values sent already percent-encoded, so that every MicroProfile Rest Client puts the same bytes on the
 * wire. A value such as the communications {@code filters} JSON holds {@code {}}, which Jersey's client (Payara,
 * Helidon) reads as a URI template and RESTEasy's does not; once every character outside RFC 3986's unreserved
 * set is encoded, no implementation sees a template, and all of them keep existing {@code %XX} octets as they are.
 */
public final class QueryValues {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private QueryValues() {
    }

    /**
     * {@code value} as UTF-8 with every byte outside {@code A-Z a-z 0-9 - . _ ~} written {@code %XX} (upper-case
     * hex, a space as {@code %20}): decodes to {@code value} with any URL or form decoder.
     */
    public static String percentEncode(String value) {
        Objects.requireNonNull(value, "value");
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder encoded = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (unreserved(c)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return encoded.toString();
    }

    private static boolean unreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
