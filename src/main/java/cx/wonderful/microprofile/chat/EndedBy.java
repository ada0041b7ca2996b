package cx.wonderful.microprofile.chat;

import java.util.Locale;
import java.util.Optional;

/** Who ended a chat session (DOC: {@code user|agent|system}). */
public enum EndedBy {
    /** The application, for its user: {@link ChatSession#end()}. */
    USER,
    /** The agent closed the conversation. */
    AGENT,
    /** The platform closed it (for example a normal close of the socket with no end signal). */
    SYSTEM;

    /**
     * The value of the wire's {@code ended_by}, if it is one of the three (case-insensitive).
     *
     * @param value the wire value, {@code user}, {@code agent} or {@code system}, ignoring case and surrounding
     *        whitespace; may be {@code null}
     * @return the constant; empty for {@code null} or any other value
     */
    public static Optional<EndedBy> fromWire(String value) {
        for (EndedBy by : values()) {
            if (by.name().toLowerCase(Locale.ROOT).equalsIgnoreCase(value == null ? "" : value.trim())) {
                return Optional.of(by);
            }
        }
        return Optional.empty();
    }
}
