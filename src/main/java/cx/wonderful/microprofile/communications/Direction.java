package cx.wonderful.microprofile.communications;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.internal.WireContract;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Whether the customer reached out ({@link #INBOUND}) or was reached ({@link #OUTBOUND}). */
public enum Direction {
    /** The customer reached out; {@code inbound} on the wire. */
    INBOUND(WireContract.DIRECTION_INBOUND),
    /** The customer was reached; {@code outbound} on the wire. */
    OUTBOUND(WireContract.DIRECTION_OUTBOUND);

    private final String wireValue;

    Direction(String wireValue) {
        this.wireValue = wireValue;
    }

    /**
     * The value on the wire, for example {@code inbound}.
     *
     * @return the constant's name in lower case
     */
    public String wireValue() {
        return wireValue;
    }

    /**
     * The constant whose wire value is {@code value} (ignoring case), or empty for a value this library does not know.
     *
     * @param value the wire value, not trimmed; may be {@code null}
     * @return the constant; empty for {@code null} or an unknown value
     */
    public static Optional<Direction> fromWire(String value) {
        return value == null ? Optional.empty()
                : Arrays.stream(values()).filter(d -> d.wireValue.equals(value.toLowerCase(Locale.ROOT))).findFirst();
    }

    /**
     * Parses user input such as a query parameter: a wire value or a constant name, ignoring case.
     *
     * @param value {@code inbound} or {@code outbound} in any case, not trimmed
     * @return the constant
     * @throws WonderfulException {@code VALIDATION_ERROR} naming the accepted values, for {@code null} or any other
     *         value
     */
    public static Direction parse(String value) {
        return fromWire(value).orElseThrow(() -> new WonderfulException(ErrorCode.VALIDATION_ERROR,
                "direction must be one of inbound, outbound; was " + (value == null ? "null" : "'" + value + "'")));
    }
}
