package cx.wonderful.microprofile.internal.core;

import cx.wonderful.microprofile.chat.ChatSessionEvent;
import cx.wonderful.microprofile.internal.InboundToken;
import cx.wonderful.microprofile.internal.Lazy;
import cx.wonderful.microprofile.internal.realtime.RealtimeExecutors;
import cx.wonderful.microprofile.internal.telemetry.Telemetry;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the clients of one application share: the chat threads ({@link RealtimeExecutors}), the one WebSocket
 * container (asked of the runtime on first use), telemetry, where chat events go besides their listeners, and the
 * inbound request's token. Framework-free: the CDI layer and the programmatic client each build one, and close it
 * after their clients.
 */
public final class SharedRuntime implements AutoCloseable {

    private final RealtimeExecutors executors;
    private final Telemetry telemetry;
    private final Consumer<ChatSessionEvent> observers;
    private final Supplier<Optional<InboundToken>> inbound;
    /** The runtime's WebSocket container, asked for once, on the first chat: an application without chat needs none. */
    private final Lazy<WebSocketContainer> container = Lazy.of(ContainerProvider::getWebSocketContainer);

    /**
     * @param observers where every session's events go besides its listeners
     * @param inbound the inbound request's token holder; empty when no request is being served (always, outside a
     *        JAX-RS application)
     */
    public SharedRuntime(RealtimeExecutors executors, Telemetry telemetry, Consumer<ChatSessionEvent> observers,
            Supplier<Optional<InboundToken>> inbound) {
        this.executors = Objects.requireNonNull(executors, "executors");
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        this.observers = Objects.requireNonNull(observers, "observers");
        this.inbound = Objects.requireNonNull(inbound, "inbound");
    }

    RealtimeExecutors executors() {
        return executors;
    }

    Telemetry telemetry() {
        return telemetry;
    }

    Consumer<ChatSessionEvent> observers() {
        return observers;
    }

    Supplier<Optional<InboundToken>> inbound() {
        return inbound;
    }

    WebSocketContainer container() {
        return container.get();
    }

    /** Closes every chat socket (1001) and stops the library's threads; see {@link RealtimeExecutors#shutdown()}. */
    @Override
    public void close() {
        executors.shutdown();
    }
}
