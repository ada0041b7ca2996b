package cx.wonderful.microprofile.internal.realtime;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.internal.Credential;
import cx.wonderful.microprofile.internal.CredentialSource;
import cx.wonderful.microprofile.internal.ErrorResponses;
import cx.wonderful.microprofile.internal.Redaction;
import cx.wonderful.microprofile.internal.WireContract;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.WebSocketContainer;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The handshakes of one chat socket with their credential: each reads the credential afresh from the
 * {@link CredentialSource} (so that a reconnect carries a refreshed token) and, when the server refuses it with 401,
 * asks {@link CredentialSource#afterUnauthorized} for a new one and tries exactly once more. A refusal comes back
 * as a typed {@link WonderfulException} (its status read by {@link HandshakeStatus}), a failure without a status as
 * a recoverable {@code NETWORK_ERROR} whose text holds neither the secret nor the URI's query.
 *
 * <p>The credential travels as {@code Sec-WebSocket-Protocol: <scheme>, <secret>} (§2.2), written by the
 * configurator in exactly the contract's form (implementations join a sub-protocol list differently: Liberty with
 * {@code ","}, Tyrus with {@code ", "}). Only the scheme is declared as the preferred sub-protocol, which is what
 * the server answers with. The configurator holds the secret only until it is written into the request: a runtime
 * that dumps the objects of a failed handshake for diagnosis (Open Liberty's FFDC reports do) must find no
 * credential in them. Thread-safe: it keeps no state between handshakes.
 */
final class CredentialHandshake {

    // The socket's log lines keep the logger they had before the socket was split into its policies.
    private static final Logger LOG = Logger.getLogger(ChatSocket.class.getName());

    private final String label;
    private final WebSocketContainer container;
    private final CredentialSource credentials;
    private final Consumer<Map<String, List<String>>> otherHeaders;

    /**
     * @param label names the socket in messages (never a secret)
     * @param container where the handshakes are made
     * @param credentials read before every handshake; asked for a new credential after a 401
     * @param otherHeaders adds each handshake's other headers (the trace context), before the credential is written
     */
    CredentialHandshake(String label, WebSocketContainer container, CredentialSource credentials,
            Consumer<Map<String, List<String>>> otherHeaders) {
        this.label = Objects.requireNonNull(label, "label");
        this.container = Objects.requireNonNull(container, "container");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.otherHeaders = Objects.requireNonNull(otherHeaders, "otherHeaders");
    }

    /**
     * Connects an endpoint made by {@code endpoints} to {@code uri} with the current credential, and with a
     * refreshed one when that is refused with 401; returns once the handshake succeeded (the endpoint's
     * {@code onOpen} is the implementation's to call).
     *
     * @param endpoints makes the endpoint of each try (a refused try's endpoint is never opened)
     * @throws WonderfulException the refusal, typed by its status ({@code UNAUTHORIZED} when the refreshed credential
     *         is refused too), or {@code NETWORK_ERROR} when no status was found
     */
    void connect(URI uri, Supplier<? extends Endpoint> endpoints) {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(endpoints, "endpoints");
        Credential used = credentials.current();
        int status = connectWith(used, uri, endpoints);
        if (status == 401) {
            LOG.fine(() -> label + ": handshake refused with 401; refreshing the credential and trying once more");
            Credential fresh = credentials.afterUnauthorized(used);
            status = connectWith(fresh, uri, endpoints);
            if (status == 401) {
                throw refusal(401, "the " + fresh.kind() + " credential was still refused after one refresh");
            }
        }
        if (status != 0) {
            throw refusal(status, "the handshake was refused");
        }
    }

    /** Connects; returns 0 when the handshake succeeded, else the HTTP status that refused it. */
    private int connectWith(Credential credential, URI uri, Supplier<? extends Endpoint> endpoints) {
        try {
            container.connectToServer(endpoints.get(), config(credential, otherHeaders), uri);
            return 0;
        } catch (DeploymentException | IOException e) {
            int status = HandshakeStatus.of(e);
            if (status != 0) {
                return status;
            }
            throw new WonderfulException(ErrorCode.NETWORK_ERROR, label + ": could not connect to " + withoutQuery(uri)
                    + ": " + redact(ChatSocket.describe(e), credential), 0, true, null);
        }
    }

    /** The error of a refused handshake: the code by the library's one status policy ({@link ErrorResponses#code}). */
    private WonderfulException refusal(int status, String what) {
        ErrorCode code = ErrorResponses.code(status, "");
        String hint = switch (code) {
            case FORBIDDEN -> ": the agent is not accessible";
            case NOT_FOUND -> ": no such agent or session";
            default -> "";
        };
        return new WonderfulException(code, label + ": " + what + " (HTTP " + status + ")" + hint, status,
                code.recoverableByDefault(), null);
    }

    /** The configuration of one handshake; a new one every time, so that each carries the credential given. */
    static ClientEndpointConfig config(Credential credential, Consumer<Map<String, List<String>>> otherHeaders) {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(otherHeaders, "otherHeaders");
        return ClientEndpointConfig.Builder.create()
                .preferredSubprotocols(List.of(credential.kind().webSocketProtocol()))
                .configurator(new ProtocolHeader(credential, otherHeaders))
                .build();
    }

    private static String withoutQuery(URI uri) {
        String text = uri.toString();
        int query = text.indexOf('?');
        return query < 0 ? text : text.substring(0, query);
    }

    /** A failure message can quote request headers; the secret never leaves this class. */
    private static String redact(String message, Credential credential) {
        return Redaction.scrub(message, List.of(credential.secret()));
    }

    /** Writes the credential header of one handshake, once; see the class comment. */
    private static final class ProtocolHeader extends ClientEndpointConfig.Configurator {

        private final String scheme;
        private final AtomicReference<String> secret;
        private final Consumer<Map<String, List<String>>> otherHeaders;

        ProtocolHeader(Credential credential, Consumer<Map<String, List<String>>> otherHeaders) {
            this.scheme = credential.kind().webSocketProtocol();
            this.secret = new AtomicReference<>(credential.secret());
            this.otherHeaders = otherHeaders;
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
}
