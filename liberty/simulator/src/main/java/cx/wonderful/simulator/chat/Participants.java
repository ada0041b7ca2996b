package cx.wonderful.simulator.chat;

/**
 * The participants of a chat as the client sent them (CHOSEN: REST body {@code from, from_type, to, to_type,
 * locale}; WebSocket {@code init} metadata {@code from, fromType, to, toType, locale}). Any of them may be null.
 */
public record Participants(String from, String fromType, String to, String toType, String locale) {

    public static final Participants NONE = new Participants(null, null, null, null, null);
}
