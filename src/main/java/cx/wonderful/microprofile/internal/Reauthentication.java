package cx.wonderful.microprofile.internal;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;

/**
 * The re-authentication policy of one call: a 401 on a bearer credential is answered by one re-send with the
 * credential the source gives after it ({@link CredentialSource#afterUnauthorized}, which refreshes once for every
 * concurrent caller); a 401 on the API key, or on that re-send, is final: {@code UNAUTHORIZED}, never a loop.
 */
final class Reauthentication {

    private Reauthentication() {
    }

    /** Whether a call refused with 401 on {@code used} is re-sent, once. */
    static boolean mayResend(Credential used, boolean alreadyResent) {
        return !alreadyResent && used.kind().isBearer();
    }

    /** The final failure of a call refused with 401 on {@code used}. */
    static WonderfulException refused(String operation, Credential used, boolean resent, WonderfulException cause) {
        String why = resent ? "still refused after one refresh" : "refused";
        return new WonderfulException(ErrorCode.UNAUTHORIZED, operation + ": the " + used.kind() + " credential was " + why
                + " (" + cause.getMessage() + ")", 401, false, cause);
    }
}
