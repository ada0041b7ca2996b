package cx.wonderful.microprofile.chat;

import java.util.Locale;
import java.util.Optional;

/** How a chat participant is identified (DOC: {@code phone|email|name}). */
public enum ParticipantType {
    /** A phone number with its country code, for example {@code +14155550123}. */
    PHONE,
    /** An e-mail address. */
    EMAIL,
    /** A display name. */
    NAME;

    /**
     * The wire value.
     *
     * @return {@code phone}, {@code email} or {@code name}: the constant's name in lower case
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The type whose wire value is {@code value} (case-insensitive), if any.
     *
     * @param value the wire value, ignoring case and surrounding whitespace; may be {@code null}
     * @return the type; empty for {@code null} or a value that is not {@code phone}, {@code email} or {@code name}
     */
    public static Optional<ParticipantType> fromWire(String value) {
        for (ParticipantType type : values()) {
            if (type.wireName().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
