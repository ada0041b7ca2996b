package cx.wonderful.microprofile.internal.realtime;

import static cx.wonderful.microprofile.chat.ConnectionState.CLOSED;
import static cx.wonderful.microprofile.chat.ConnectionState.CONNECTED;
import static cx.wonderful.microprofile.chat.ConnectionState.CONNECTING;
import static cx.wonderful.microprofile.chat.ConnectionState.DISCONNECTED;
import static cx.wonderful.microprofile.chat.ConnectionState.RECONNECTING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.microprofile.chat.ConnectionState;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConnectionStateMachineTest {

    private static final Map<ConnectionState, Set<ConnectionState>> EXPECTED = Map.of(
            CONNECTING, EnumSet.of(CONNECTED, DISCONNECTED, CLOSED),
            CONNECTED, EnumSet.of(RECONNECTING, DISCONNECTED, CLOSED),
            RECONNECTING, EnumSet.of(CONNECTED, DISCONNECTED, CLOSED),
            DISCONNECTED, EnumSet.of(CLOSED),
            CLOSED, EnumSet.noneOf(ConnectionState.class));

    @Test
    void everyPairOfStatesIsAllowedExactlyAsDocumented() {
        for (ConnectionState from : ConnectionState.values()) {
            for (ConnectionState to : ConnectionState.values()) {
                assertEquals(EXPECTED.get(from).contains(to), ConnectionStateMachine.allowed(from, to), from + " -> " + to);
            }
        }
    }

    @Test
    void aRefusedMoveLeavesTheStateAsItWas() {
        ConnectionStateMachine machine = new ConnectionStateMachine();
        assertEquals(CONNECTING, machine.current());
        assertFalse(machine.moveTo(RECONNECTING));
        assertEquals(CONNECTING, machine.current());
        assertTrue(machine.moveTo(CONNECTED));
        assertTrue(machine.moveTo(RECONNECTING));
        assertTrue(machine.moveTo(CONNECTED));
        assertFalse(machine.moveTo(CONNECTED));
        assertTrue(machine.moveTo(DISCONNECTED));
        assertFalse(machine.moveTo(CONNECTED));
        assertTrue(machine.moveTo(CLOSED));
        for (ConnectionState any : ConnectionState.values()) {
            assertFalse(machine.moveTo(any));
            assertEquals(CLOSED, machine.current());
        }
    }
}
