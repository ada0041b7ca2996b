package cx.wonderful.simulator.chat;

import java.util.Locale;

/** Who ended a chat ({@code ended_by} on the wire, CHOSEN). */
public enum EndedBy {
    USER, AGENT, SYSTEM;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
