package cx.wonderful.microprofile.realtime;

import cx.wonderful.microprofile.internal.Credential;
import cx.wonderful.microprofile.internal.WireContract;
import jakarta.websocket.ClientEndpointConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The client endpoint configuration of one handshake: the credential as {@code Sec-WebSocket-Protocol: <scheme>,
 * <secret>} (§2.2). The pair is also given as the preferred sub-protocols, which is how a client implementation
 * learns what to accept back (the server answers with the scheme alone); {@link #beforeRequest} then writes the
 * header in exactly the contract's form, because implementations join the list differently (Liberty with
 * {@code ","}, Tyrus with {@code ", "}). A new configuration is made for every handshake, so a reconnect always
 * carries the credential that is current at that moment.
 */
final class CredentialHandshake extends ClientEndpointConfig.Configurator {

    private final String headerValue;

    private CredentialHandshake(Credential credential) {
        this.headerValue = credential.kind().webSocketProtocol() + ", " + credential.secret();
    }

    static ClientEndpointConfig config(Credential credential) {
        Objects.requireNonNull(credential, "credential");
        return ClientEndpointConfig.Builder.create()
                .preferredSubprotocols(List.of(credential.kind().webSocketProtocol(), credential.secret()))
                .configurator(new CredentialHandshake(credential))
                .build();
    }

    @Override
    public void beforeRequest(Map<String, List<String>> headers) {
        for (String name : new ArrayList<>(headers.keySet())) {
            if (name.equalsIgnoreCase(WireContract.WS_HEADER_PROTOCOL)) {
                headers.remove(name);
            }
        }
        headers.put(WireContract.WS_HEADER_PROTOCOL, new ArrayList<>(List.of(headerValue)));
    }

    @Override
    public String toString() {
        return "CredentialHandshake[credential not shown]";
    }
}
