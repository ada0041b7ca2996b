package cx.wonderful.microprofile.internal.realtime;

import java.lang.reflect.Method;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP status of a refused WebSocket handshake, read from the failure the client implementation threw. Jakarta
 * WebSocket has no portable way to report it: Tyrus throws a {@code HandshakeException} with
 * {@code getHttpStatusCode()}; Open Liberty an {@code IOException} "CWWKH0039E: ... a 401 response was returned
 * instead of a 101 response". Both are recognised; 0 means no status was found (a network failure). Only a 4xx or
 * 5xx found in a message is taken for a status.
 */
final class HandshakeStatus {

    private static final Pattern LIBERTY = Pattern.compile("\\ba (\\d{3}) response was returned");
    // Only 4xx and 5xx: a refused handshake is never 1xx-3xx, and an errno such as "error code 104" (ECONNRESET) in
    // a network failure's message must not read as an HTTP status (issue 11).
    private static final Pattern GENERIC = Pattern.compile("(?i)(?:status|code|response)\\D{0,20}?\\b([45]\\d\\d)\\b");

    private HandshakeStatus() {
    }

    static int of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            int status = reported(t);
            if (status == 0) {
                status = inMessage(t.getMessage());
            }
            if (status != 0) {
                return status;
            }
        }
        return 0;
    }

    /** Tyrus' HandshakeException (and any exception with the same accessor) says it itself. */
    private static int reported(Throwable t) {
        try {
            Method accessor = t.getClass().getMethod("getHttpStatusCode");
            Object value = accessor.invoke(t);
            return value instanceof Integer status && status >= 100 && status <= 599 && status != 101 ? status : 0;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return 0;
        }
    }

    static int inMessage(String message) {
        if (message == null) {
            return 0;
        }
        Matcher liberty = LIBERTY.matcher(message);
        if (liberty.find()) {
            return Integer.parseInt(liberty.group(1));
        }
        Matcher generic = GENERIC.matcher(message);
        while (generic.find()) {
            int status = Integer.parseInt(generic.group(1));
            if (status != 101) {
                return status;
            }
        }
        return 0;
    }
}
