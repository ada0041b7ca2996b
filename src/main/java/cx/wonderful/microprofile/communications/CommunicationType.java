package cx.wonderful.microprofile.communications;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.internal.WireContract;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of communication the API documents; a record may carry a newer kind, see {@link Communication#type()}. */
public enum CommunicationType {
    VOICE(WireContract.TYPE_VOICE),
    CHAT(WireContract.TYPE_CHAT),
    EMAIL(WireContract.TYPE_EMAIL),
    TASK(WireContract.TYPE_TASK);

    private final String wireValue;

    CommunicationType(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value on the wire, for example {@code voice}. */
    public String wireValue() {
        return wireValue;
    }

    /** The constant whose wire value is {@code value} (ignoring case), or empty for a kind this library does not know. */
    public static Optional<CommunicationType> fromWire(String value) {
        return value == null ? Optional.empty()
                : Arrays.stream(values()).filter(t -> t.wireValue.equals(value.toLowerCase(Locale.ROOT))).findFirst();
    }

    /**
     * Parses user input such as a query parameter: a wire value or a constant name, ignoring case.
     *
     * @throws WonderfulException {@code VALIDATION_ERROR} naming the accepted values
     */
    public static CommunicationType parse(String value) {
        return fromWire(value).orElseThrow(() -> new WonderfulException(ErrorCode.VALIDATION_ERROR,
                "type must be one of voice, chat, email, task; was " + (value == null ? "null" : "'" + value + "'")));
    }
}
