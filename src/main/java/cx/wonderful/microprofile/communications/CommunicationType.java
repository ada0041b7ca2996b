package cx.wonderful.microprofile.communications;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.internal.WireContract;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of communication the API documents; a record may carry a newer kind, see {@link Communication#type()}. */
public enum CommunicationType {
    /** A phone call; {@code voice} on the wire. */
    VOICE(WireContract.TYPE_VOICE),
    /** A chat, for example one started with {@code WonderfulChat}; {@code chat} on the wire. */
    CHAT(WireContract.TYPE_CHAT),
    /** An e-mail conversation; {@code email} on the wire. */
    EMAIL(WireContract.TYPE_EMAIL),
    /** A task; {@code task} on the wire. */
    TASK(WireContract.TYPE_TASK);

    private final String wireValue;

    CommunicationType(String wireValue) {
        this.wireValue = wireValue;
    }

    /**
     * The value on the wire, for example {@code voice}.
     *
     * @return the constant's name in lower case
     */
    public String wireValue() {
        return wireValue;
    }

    /**
     * The constant whose wire value is {@code value} (ignoring case), or empty for a kind this library does not know.
     *
     * @param value the wire value, not trimmed; may be {@code null}
     * @return the constant; empty for {@code null} or an unknown value
     */
    public static Optional<CommunicationType> fromWire(String value) {
        return value == null ? Optional.empty()
                : Arrays.stream(values()).filter(t -> t.wireValue.equals(value.toLowerCase(Locale.ROOT))).findFirst();
    }

    /**
     * Parses user input such as a query parameter: a wire value or a constant name, ignoring case.
     *
     * @param value {@code voice}, {@code chat}, {@code email} or {@code task} in any case, not trimmed
     * @return the constant
     * @throws WonderfulException {@code VALIDATION_ERROR} naming the accepted values, for {@code null} or any other
     *         value
     */
    public static CommunicationType parse(String value) {
        return fromWire(value).orElseThrow(() -> new WonderfulException(ErrorCode.VALIDATION_ERROR,
                "type must be one of voice, chat, email, task; was " + (value == null ? "null" : "'" + value + "'")));
    }
}
