package cx.wonderful.microprofile.chat;

import cx.wonderful.microprofile.internal.WireContract;

/** Who said a message (CODE: {@code customer|agent|system|human_agent}). */
public enum Speaker {
    /** The end user; a user's own messages come back with this speaker. */
    CUSTOMER(WireContract.SPEAKER_CUSTOMER),
    /** The AI agent. */
    AGENT(WireContract.SPEAKER_AGENT),
    /** The platform. */
    SYSTEM(WireContract.SPEAKER_SYSTEM),
    /** A human agent who took over. */
    HUMAN_AGENT(WireContract.SPEAKER_HUMAN_AGENT),
    /** A speaker this version of the library does not know. */
    OTHER("");

    private final String wireName;

    Speaker(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The speaker of the wire value {@code value}; {@link #OTHER} for an unknown or missing one.
     *
     * @param value the wire value, {@code customer}, {@code agent}, {@code system} or {@code human_agent}, ignoring
     *        case (not trimmed); may be {@code null}
     * @return the speaker, never {@code null}: {@link #OTHER} for {@code null} or any other value
     */
    public static Speaker fromWire(String value) {
        for (Speaker speaker : values()) {
            if (speaker != OTHER && speaker.wireName.equalsIgnoreCase(value == null ? "" : value)) {
                return speaker;
            }
        }
        return OTHER;
    }
}
