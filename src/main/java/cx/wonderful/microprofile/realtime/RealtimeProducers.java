package cx.wonderful.microprofile.realtime;

import cx.wonderful.microprofile.internal.CredentialSource;
import cx.wonderful.microprofile.internal.WonderfulSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;

/**
 * Produces the real-time plumbing: the application's one {@link WebSocketContainer} (asked of the runtime once;
 * qualified so that it never clashes with an application's own) and the {@link RealtimeClient} that opens every
 * chat socket on it.
 */
@ApplicationScoped
class RealtimeProducers {

    @Produces
    @ApplicationScoped
    @AgentChatContainer
    WebSocketContainer webSocketContainer() {
        return ContainerProvider.getWebSocketContainer();
    }

    @Produces
    @ApplicationScoped
    RealtimeClient realtimeClient(@AgentChatContainer WebSocketContainer container, CredentialSource credentials,
            WonderfulSettings settings, RealtimeExecutors executors) {
        return RealtimeClient.create(container, credentials, settings, executors);
    }
}
