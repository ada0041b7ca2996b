package cx.wonderful.simulator.auth;

import cx.wonderful.simulator.ApiError;
import jakarta.servlet.http.HttpServletRequest;

/** Reads the caller the gateway filter authenticated. */
public final class Callers {

    private Callers() {
    }

    /** The authenticated caller of an {@code /api/**} request; 401 if there is none. */
    public static Caller of(HttpServletRequest request) {
        Object caller = request.getAttribute(Caller.ATTRIBUTE);
        if (caller instanceof Caller known) {
            return known;
        }
        throw ApiError.unauthorized("missing credential");
    }
}
