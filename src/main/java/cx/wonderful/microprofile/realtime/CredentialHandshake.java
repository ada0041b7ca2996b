package cx.wonderful.microprofile.realtime;

import cx.wonderful.microprofile.internal.Credential;
import cx.wonderful.microprofile.internal.WireContract;
import jakarta.websocket.ClientEndpointConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The client endpoint configuration of one handshake: the credential as {@code Sec-WebSocket-Protocol: <scheme>,
 * <secret>} (§2.2), written by {@link #beforeRequest} in exactly the contract's form (implementations join a
 * sub-protocol list differently: Liberty with {@code ","}, Tyrus with {@code ", "}). Only the scheme is declared as
 * the preferred sub-protocol, which is what the server answers with. A new configuration is made for every
 * handshake, so a reconnect always carries the credential that is current at that moment.
 *
 * <p>The secret is held only until it is written into the request: a runtime that dumps the objects of a failed
 * handshake for diagnosis (Open Liberty's FFDC reports do) must find no credential in them.
 */
final class CredentialHandshake extends ClientEndpointConfig.Configurator {

    private final String scheme;
    private final AtomicReference<String> secret;
    private final Consumer<Map<String, List<String>>> otherHeaders;

    private CredentialHandshake(Credential credential, Consumer<Map<String, List<String>>> otherHeaders) {
        this.scheme = credential.kind().webSocketProtocol();
        this.secret = new AtomicReference<>(credential.secret());
        this.otherHeaders = otherHeaders;
    }

    static ClientEndpointConfig config(Credential credential) {
        return config(credential, headers -> { });
    }

    /** @param otherHeaders adds the handshake's other headers (the trace context), before the credential is written */
    static ClientEndpointConfig config(Credential credential, Consumer<Map<String, List<String>>> otherHeaders) {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(otherHeaders, "otherHeaders");
        return ClientEndpointConfig.Builder.create()
                .preferredSubprotocols(List.of(credential.kind().webSocketProtocol()))
                .configurator(new CredentialHandshake(credential, otherHeaders))
                .build();
    }

    @Override
    public void beforeRequest(Map<String, List<String>> headers) {
        otherHeaders.accept(headers);
        for (String name : new ArrayList<>(headers.keySet())) {
            if (name.equalsIgnoreCase(WireContract.WS_HEADER_PROTOCOL)) {
                headers.remove(name);
            }
        }
        String value = secret.getAndSet(null);
        headers.put(WireContract.WS_HEADER_PROTOCOL, new ArrayList<>(List.of(value == null ? scheme : scheme + ", " + value)));
    }

    @Override
    public String toString() {
        return "CredentialHandshake[" + scheme + ", secret not shown]";
    }
}
