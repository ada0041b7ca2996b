package cx.wonderful.microprofile.internal;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.util.Locale;

/**
 * The last line of the path defence, independent of validation: refuses (before anything is sent) a request of a
 * library client whose path holds a dot segment ({@code .}, {@code ..}, also percent-encoded) or an encoded
 * {@code /} or {@code \}, whatever the runtime's client made of a path parameter. Ids are validated before any call
 * ({@link PathIds}), so this only fires when a path parameter escaped that: it is a defect, reported as
 * {@code VALIDATION_ERROR}.
 */
@Priority(Priorities.AUTHENTICATION - 100)
final class PathGuard implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        String path = request.getUri().getRawPath();
        if (path != null && !isSafe(path)) {
            throw new WonderfulException(ErrorCode.VALIDATION_ERROR,
                    "refused to send a request whose path has a dot segment or an encoded separator");
        }
    }

    static boolean isSafe(String rawPath) {
        for (String segment : rawPath.split("/", -1)) {
            String lower = segment.toLowerCase(Locale.ROOT);
            String decodedDots = lower.replace("%2e", ".");
            if (decodedDots.equals(".") || decodedDots.equals("..") || lower.contains("%2f") || lower.contains("%5c")
                    || lower.contains("\\")) {
                return false;
            }
        }
        return true;
    }
}
