package cx.wonderful.microprofile.internal;

import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every message of the library that is logged at WARNING or SEVERE (or that fails a deployment), each with its
 * message id in the Open Liberty style: {@code WMP}, four digits, and the severity ({@code E} error, {@code W}
 * warning, {@code I} information). The ids are listed in README's troubleshooting table, with what each means and
 * what to do; a unit test fails when a WARNING or SEVERE line of the library does not go through here, or the table
 * drifts.
 *
 * <p>A line is {@code <id>: <text>}, where the text is {@link String#format} of the message's pattern and
 * arguments, then {@linkplain Redaction#scrub(String) scrubbed}: whatever in it looks like a key, a token or a
 * URL's user information is masked, whichever argument brought it in.
 */
public enum LogMessage {

    /** The deployment fails on a configuration error: {@code wonderful.config.fail-on-error}, the problems. */
    DEPLOYMENT_REFUSED("WMP0101E", Level.SEVERE, "Wonderful MicroProfile is not configured correctly (%s=true): %s"),
    /** An unknown {@code wonderful.*} key: the key as written, its configuration source, the closest known key. */
    UNKNOWN_KEY("WMP0102W", Level.WARNING,
            "unknown configuration key %s (from %s) is ignored; the closest key of the library is %s"),
    /** A configuration error at startup: the error code every call will fail with, the problems. */
    NOT_CONFIGURED("WMP0103E", Level.SEVERE, "Wonderful MicroProfile is not configured correctly; every call will fail with %s: %s"),
    /** The {@code mp-rest} keys of the library's rest clients are wrong at startup: the problems. */
    REST_CLIENT_KEYS_INVALID("WMP0104E", Level.SEVERE,
            "the mp-rest keys of the library's rest clients are not configured correctly; the calls of those clients"
                    + " will fail with CONFIGURATION_ERROR: %s"),
    /** The problem mapper answers with a 5xx: the status, the exception. */
    PROBLEM_SERVER_ERROR("WMP0201W", Level.WARNING, "answering HTTP %s for %s"),
    /** The problem mapper answers with a 4xx: the status, the exception. */
    PROBLEM_CLIENT_ERROR("WMP0202I", Level.FINE, "answering HTTP %s for %s"),
    /** A proactive refresh failed and the current token is used on: what it is, the cool-down, the failure. */
    PROACTIVE_REFRESH_FAILED("WMP0301W", Level.WARNING,
            "proactive refresh of the %s failed; using it until it expires, next try in %s: %s"),
    /** The chat's init frame could not be sent: the session, the failure. */
    CHAT_INIT_NOT_SENT("WMP0401W", Level.WARNING,
            "chat session %s: the init frame was not sent (%s); it is sent again when the connection reopens"),
    /** An application's {@code ChatEventListener} threw: the session, the event's type. */
    CHAT_LISTENER_FAILED("WMP0402W", Level.WARNING, "a listener of chat session %s failed on %s"),
    /** The CDI notification of a chat event failed before reaching the observers: the session, the event's type. */
    CHAT_OBSERVERS_FAILED("WMP0403W", Level.WARNING, "a CDI observer of chat session %s failed on %s"),
    /** An application's CDI observer of chat events threw: the session, the event's type. */
    CHAT_OBSERVER_FAILED("WMP0404W", Level.WARNING,
            "an observer of chat session %s failed on %s; the observers after it did not see the event"),
    /** A task on a chat session's event queue threw. */
    CHAT_EVENT_TASK_FAILED("WMP0405W", Level.WARNING, "a chat event task failed"),
    /** A task of the library's threads threw: the name of its scope. */
    TASK_FAILED("WMP0501W", Level.WARNING, "%s: a task failed");

    private final String id;
    private final Level level;
    private final String pattern;

    LogMessage(String id, Level level, String pattern) {
        if (!id.matches("WMP\\d{4}[EWI]")) {
            throw new IllegalArgumentException("not a message id: " + id);
        }
        this.id = id;
        this.level = Objects.requireNonNull(level, "level");
        this.pattern = Objects.requireNonNull(pattern, "pattern");
    }

    /** The message id, for example {@code WMP0102W}. */
    public String id() {
        return id;
    }

    /** The level the message is logged at. */
    public Level level() {
        return level;
    }

    /** The line: {@code <id>: <text>} ({@link #text}). */
    public String format(Object... args) {
        return id + ": " + text(args);
    }

    /** The text of the line without its id, with anything secret-shaped masked ({@link Redaction#scrub(String)}). */
    public String text(Object... args) {
        return Redaction.scrub(String.format(pattern, args));
    }

    /** Logs the line at the message's level; its arguments are formatted only when the level is logged. */
    public void log(Logger logger, Object... args) {
        if (logger.isLoggable(level)) {
            logger.log(level, format(args));
        }
    }

    /**
     * Logs the line at the message's level with {@code thrown}'s stack trace (an application's exception, the reason
     * the library logs it).
     */
    public void log(Logger logger, Throwable thrown, Object... args) {
        if (logger.isLoggable(level)) {
            logger.log(level, format(args), thrown);
        }
    }
}
