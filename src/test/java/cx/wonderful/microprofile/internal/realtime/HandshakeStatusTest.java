package cx.wonderful.microprofile.internal.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.websocket.DeploymentException;
import java.io.IOException;
import java.net.ConnectException;
import org.glassfish.tyrus.core.HandshakeException;
import org.junit.jupiter.api.Test;

class HandshakeStatusTest {

    @Test
    void readsTheStatusOfTyrusFromItsException() {
        assertEquals(401, HandshakeStatus.of(new DeploymentException("Handshake error.", new HandshakeException(401, "Response code was not 101: 401."))));
        assertEquals(503, HandshakeStatus.of(new DeploymentException("x", new HandshakeException(503, "whatever"))));
    }

    @Test
    void readsTheStatusOfLibertyFromItsMessage() {
        IOException liberty = new IOException("CWWKH0039E: When an outgoing WebSocket request was sent to the "
                + "ws://localhost:19080/api/v1/agents/agent-support/chat?commType=chat endpoint on the target server, "
                + "a 403 response was returned instead of a 101 response.");
        assertEquals(403, HandshakeStatus.of(new DeploymentException("failed", liberty)));
    }

    @Test
    void aNetworkFailureHasNoStatus() {
        assertEquals(0, HandshakeStatus.of(new DeploymentException("failed", new ConnectException("Connection refused"))));
        assertEquals(0, HandshakeStatus.of(new IOException("port 19080 unreachable")));
        assertEquals(0, HandshakeStatus.inMessage(null));
        // Issue 11: an errno in a network failure's message is not an HTTP status (this gave up reconnecting).
        assertEquals(0, HandshakeStatus.of(new IOException("Connection reset by peer (error code 104)")));
        assertEquals(0, HandshakeStatus.inMessage("response code 302 Found"));
    }

    @Test
    void aStatusNamedInAGenericMessageIsFound() {
        assertEquals(401, HandshakeStatus.inMessage("Unexpected HTTP status code 401 from server"));
        assertEquals(0, HandshakeStatus.inMessage("Response code was not 101"));
    }
}
