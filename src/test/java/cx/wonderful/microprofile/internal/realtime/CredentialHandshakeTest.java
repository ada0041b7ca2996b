package cx.wonderful.microprofile.internal.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.internal.CredentialKind;
import cx.wonderful.microprofile.internal.WireContract;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The handshake's credential and its one refresh, against a container of the test's that answers as it is told. */
class CredentialHandshakeTest {

    private static final URI URI_WITH_QUERY = URI.create("ws://127.0.0.1:1/api/v1/agents/a/chat?commType=chat&sessionId=s-1");

    private final List<String> protocolHeaders = new ArrayList<>();
    private final Deque<Exception> answers = new ArrayDeque<>();
    private final WebSocketContainer container = (WebSocketContainer) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {WebSocketContainer.class}, (proxy, method, args) -> {
                if (!method.getName().equals("connectToServer")) {
                    throw new UnsupportedOperationException(method.getName());
                }
                Map<String, List<String>> headers = new HashMap<>();
                ((ClientEndpointConfig) args[1]).getConfigurator().beforeRequest(headers);
                protocolHeaders.add(String.join("|", headers.get(WireContract.WS_HEADER_PROTOCOL)));
                Exception answer = answers.poll();
                if (answer != null) {
                    throw answer;
                }
                return null;
            });

    private static Exception refused(int status) {
        return new IOException("CWWKH0039E: The handshake failed: a " + status + " response was returned instead of a 101 response");
    }

    private static Endpoint endpoint() {
        return new Endpoint() {
            @Override
            public void onOpen(Session session, EndpointConfig config) {
            }
        };
    }

    private void connect(TestCredentials credentials) {
        new CredentialHandshake("s-1", container, credentials, headers -> { }).connect(URI_WITH_QUERY, CredentialHandshakeTest::endpoint);
    }

    private WonderfulException failure(TestCredentials credentials) {
        return assertThrows(WonderfulException.class, () -> connect(credentials));
    }

    @Test
    void a401IsAnsweredWithOneRefreshAndOneMoreTry() {
        TestCredentials credentials = new TestCredentials(CredentialKind.SIGNED_TOKEN, "jwt-1");
        answers.add(refused(401));
        connect(credentials);
        assertEquals(List.of("jwt, jwt-1", "jwt, refreshed-token-1"), protocolHeaders);
        assertEquals(1, credentials.refreshes());
    }

    @Test
    void aRefreshedCredentialRefusedAgainIsUnauthorizedAndNotTriedAThirdTime() {
        TestCredentials credentials = new TestCredentials(CredentialKind.SIGNED_TOKEN, "jwt-1");
        answers.add(refused(401));
        answers.add(refused(401));
        WonderfulException error = failure(credentials);
        assertEquals(ErrorCode.UNAUTHORIZED, error.code());
        assertFalse(error.recoverable());
        assertEquals(2, protocolHeaders.size());
    }

    @Test
    void otherRefusalsAreTypedWithoutARefresh() {
        TestCredentials credentials = new TestCredentials(CredentialKind.SIGNED_TOKEN, "jwt-1");
        answers.add(refused(503));
        WonderfulException error = failure(credentials);
        assertEquals(ErrorCode.SERVER_ERROR, error.code());
        assertTrue(error.recoverable());
        assertEquals(0, credentials.refreshes());
    }

    @Test
    void aNetworkFailureIsRecoverableAndQuotesNeitherTheSecretNorTheQuery() {
        TestCredentials credentials = new TestCredentials(CredentialKind.API_KEY, "key-that-is-secret");
        answers.add(new DeploymentException("connection refused while sending apikey, key-that-is-secret"));
        WonderfulException error = failure(credentials);
        assertEquals(ErrorCode.NETWORK_ERROR, error.code());
        assertTrue(error.recoverable());
        assertFalse(error.getMessage().contains("key-that-is-secret"), error.getMessage());
        assertFalse(error.getMessage().contains("sessionId"), error.getMessage());
    }

    @Test
    void otherHeadersAreAddedButCannotReplaceTheCredential() {
        TestCredentials credentials = new TestCredentials(CredentialKind.TOKEN, "tok-1");
        new CredentialHandshake("s-1", container, credentials, headers -> {
            headers.put("traceparent", new ArrayList<>(List.of("00-1-2-01")));
            headers.put("sec-websocket-protocol", new ArrayList<>(List.of("forged")));
        }).connect(URI_WITH_QUERY, CredentialHandshakeTest::endpoint);
        assertEquals(List.of("token, tok-1"), protocolHeaders);
        assertThrows(NullPointerException.class, () -> new CredentialHandshake("s-1", container, null, headers -> { }));
    }
}
