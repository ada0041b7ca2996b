package cx.wonderful.simulator.chat;

import java.util.Locale;

/** Who said a text, with its wire name. */
public enum Speaker {
    CUSTOMER, AGENT, SYSTEM, HUMAN_AGENT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
