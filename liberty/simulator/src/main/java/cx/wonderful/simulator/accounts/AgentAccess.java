package cx.wonderful.simulator.accounts;

/** How a caller may use an agent: the WebSocket handshake answers 403 for FORBIDDEN and 404 for NOT_FOUND. */
public enum AgentAccess {
    ALLOWED, FORBIDDEN, NOT_FOUND
}
