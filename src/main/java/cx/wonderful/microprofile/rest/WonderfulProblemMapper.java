package cx.wonderful.microprofile.rest;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.internal.JsonValues;
import cx.wonderful.microprofile.internal.LogMessage;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Locale;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Answers a {@link WonderfulException} that reaches Jakarta REST with an RFC 9457 problem: the HTTP status of its
 * {@link ErrorCode} ({@link #status(ErrorCode)}) and an {@code application/problem+json} body
 * <pre>{"type": "urn:wonderful:problem:session-not-found", "title": "Session not found", "status": 404,
 *  "detail": "...", "code": "SESSION_NOT_FOUND", "recoverable": false}</pre>
 *
 * <p><b>Opt-in.</b> The class carries no {@code @Provider} annotation, so it is never discovered on its own: an
 * application enables it by returning it from {@code Application#getClasses()}, or by a subclass of its own
 * annotated {@code @Provider} ({@code @Provider public class Problems extends WonderfulProblemMapper {}}).
 *
 * <p><b>What the caller sees.</b> {@code detail} is the exception's message only where the library wrote it about
 * the caller's own request (input validation, an unknown or ended chat session detected before any call); for an
 * error that came from the Wonderful API, from the network or from the configuration it is a fixed sentence, so that
 * text a server echoed, a host name or a configuration key never reaches the caller. As a second guard, anything in
 * {@code detail} that looks like a JWT or a bearer credential is masked. Errors of the Wonderful API's credential
 * ({@code UNAUTHORIZED}, {@code TOKEN_REFRESH_FAILED}) are 502, not 401: they are the application's problem with
 * its upstream, not the caller's sign-in. Server-side errors (5xx) are logged at {@code WARNING} with the full
 * message (which never holds a credential), client errors at {@code FINE}.
 */
public class WonderfulProblemMapper implements ExceptionMapper<WonderfulException> {

    /** The media type of an RFC 9457 problem. */
    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");
    /** Prefix of every problem {@code type} (a URN: nothing to dereference). */
    public static final String TYPE_PREFIX = "urn:wonderful:problem:";

    private static final Logger LOG = Logger.getLogger(WonderfulProblemMapper.class.getName());
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]*)?");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer|apikey|token|jwt)([\\s,:=]+)[^\\s,;\"']{8,}");

    /** Creates the mapper; Jakarta REST does, for an application that registers it (see the class description). */
    public WonderfulProblemMapper() {
    }

    @Override
    public Response toResponse(WonderfulException e) {
        int status = status(e.code());
        (status >= 500 ? LogMessage.PROBLEM_SERVER_ERROR : LogMessage.PROBLEM_CLIENT_ERROR).log(LOG, status, e);
        // As text: every runtime writes a String for any media type; not all map JSON-P to application/problem+json.
        return Response.status(status).type(PROBLEM_JSON).entity(problem(e).toString()).build();
    }

    /**
     * The HTTP status an error code is answered with: 400 for the caller's bad input, 404/409 for an unknown or
     * ended chat, 403 for a refused resource, 429 when Wonderful asked to slow down, 502 when Wonderful failed or
     * refused the application's own credential, 503 when it could not be reached, 500 for the application's
     * configuration.
     *
     * @param code the error code
     * @return 400 for {@code VALIDATION_ERROR}, {@code INVALID_REQUEST} and {@code MISSING_PARTICIPANT}; 403 for
     *         {@code FORBIDDEN}; 404 for {@code NOT_FOUND} and {@code SESSION_NOT_FOUND}; 409 for
     *         {@code SESSION_ENDED}; 429 for {@code RATE_LIMITED}; 500 for {@code CONFIGURATION_ERROR}; 502 for
     *         {@code UNAUTHORIZED}, {@code TOKEN_REFRESH_FAILED}, {@code SERVER_ERROR} and
     *         {@code UNEXPECTED_RESPONSE}; 503 for {@code NETWORK_ERROR}, {@code CONNECTION_LOST}, {@code SEND_FAILED}
     *         and {@code NOT_AUTHENTICATED}
     * @throws NullPointerException when {@code code} is {@code null}
     */
    public static int status(ErrorCode code) {
        return switch (code) {
            case VALIDATION_ERROR, INVALID_REQUEST, MISSING_PARTICIPANT -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND, SESSION_NOT_FOUND -> 404;
            case SESSION_ENDED -> 409;
            case RATE_LIMITED -> 429;
            case CONFIGURATION_ERROR -> 500;
            case UNAUTHORIZED, TOKEN_REFRESH_FAILED, SERVER_ERROR, UNEXPECTED_RESPONSE -> 502;
            case NETWORK_ERROR, CONNECTION_LOST, SEND_FAILED, NOT_AUTHENTICATED -> 503;
        };
    }

    /**
     * The problem body of {@code e} (see the class comment for what {@code detail} holds).
     *
     * @param e the error
     * @return {@code type} ({@value #TYPE_PREFIX} and the code in lower case with hyphens), {@code title} (the code in
     *         words, for example {@code Session not found}), {@code status} ({@link #status(ErrorCode)}),
     *         {@code detail}, {@code code} (the {@link ErrorCode} name) and {@code recoverable}
     *         ({@link WonderfulException#recoverable()})
     * @throws NullPointerException when {@code e} is {@code null}
     */
    public static JsonObject problem(WonderfulException e) {
        ErrorCode code = e.code();
        JsonObjectBuilder body = JsonValues.JSON.createObjectBuilder()
                .add("type", TYPE_PREFIX + code.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .add("title", title(code))
                .add("status", status(code))
                .add("detail", detail(e))
                .add("code", code.name())
                .add("recoverable", e.recoverable());
        return body.build();
    }

    private static String title(ErrorCode code) {
        String words = code.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String detail(WonderfulException e) {
        boolean aboutTheCallersRequest = e.httpStatus().isEmpty() && switch (e.code()) {
            case VALIDATION_ERROR, MISSING_PARTICIPANT, SESSION_NOT_FOUND, SESSION_ENDED -> true;
            default -> false;
        };
        if (aboutTheCallersRequest) {
            return mask(e.getMessage());
        }
        return switch (e.code()) {
            case VALIDATION_ERROR, INVALID_REQUEST, MISSING_PARTICIPANT -> "The Wonderful API did not accept the request.";
            case FORBIDDEN -> "The Wonderful API does not allow this.";
            case NOT_FOUND, SESSION_NOT_FOUND -> "The Wonderful API does not know this resource.";
            case SESSION_ENDED -> "The chat session has ended.";
            case RATE_LIMITED -> "The Wonderful API asked to slow down; try again later.";
            case CONFIGURATION_ERROR -> "The server's Wonderful integration is not configured correctly.";
            case UNAUTHORIZED, TOKEN_REFRESH_FAILED, NOT_AUTHENTICATED -> "The server could not authenticate to the Wonderful API.";
            case SERVER_ERROR, UNEXPECTED_RESPONSE -> "The Wonderful API failed to answer the request.";
            case NETWORK_ERROR, CONNECTION_LOST -> "The Wonderful API could not be reached; try again later.";
            case SEND_FAILED -> "The chat message was not delivered; send it again.";
        };
    }

    private static String mask(String text) {
        return BEARER.matcher(JWT.matcher(text).replaceAll("****")).replaceAll("$1$2****");
    }
}
