package cx.wonderful.simulator.chat;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The simulator's deterministic agent: it answers every customer text with {@code You said: <text>}; a text that
 * is only {@code bye} (or {@code goodbye}, any case, surrounding blanks and punctuation ignored) gets
 * {@link #GOODBYE} and ends the chat.
 */
public final class ScriptedAgent {

    /** The agent's last words before it ends a chat. */
    public static final String GOODBYE = "Goodbye! Thanks for chatting with Wonderful.";

    private static final Set<String> FAREWELLS = Set.of("bye", "goodbye");

    /** The agent's answer to one customer text. */
    public record Reply(String text, boolean endsChat) {
        public Reply {
            Objects.requireNonNull(text, "text");
        }
    }

    public Reply reply(String customerText) {
        Objects.requireNonNull(customerText, "customerText");
        String normalized = customerText.strip().toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}\\s]+$", "");
        if (FAREWELLS.contains(normalized)) {
            return new Reply(GOODBYE, true);
        }
        return new Reply("You said: " + customerText, false);
    }
}
