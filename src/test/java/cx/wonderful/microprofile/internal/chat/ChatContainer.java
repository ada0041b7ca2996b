package cx.wonderful.microprofile.internal.chat;

import cx.wonderful.microprofile.chat.WonderfulChat;
import cx.wonderful.microprofile.internal.communications.LibraryContainer;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The library's beans with its chat beans in a Weld SE container (no managed executors here: the fallback pools),
 * talking to a {@link ChatV3TestServer} for REST and an agent chat test server for the socket, as an application
 * gets them.
 */
final class ChatContainer implements AutoCloseable {

    private final LibraryContainer container;
    private boolean closed;

    /** @param extra key, value, ... beside the base URLs and the API key */
    ChatContainer(ChatV3TestServer rest, URI socketBase, String... extra) {
        Map<String, String> properties = new HashMap<>();
        properties.put("wonderful.base-url", socketBase.toString().replaceFirst("^ws", "http"));
        properties.put("wonderful-chat/mp-rest/url", rest.base().toString());
        properties.put("wonderful.api-key", "sim-key-acme");
        properties.put("wonderful.workspace-id", "ws-test");
        properties.put("wonderful.agent-id", "agent-support");
        properties.put("wonderful.retry-delay", "20ms");
        for (int i = 0; i < extra.length; i += 2) {
            properties.put(extra[i], extra[i + 1]);
        }
        container = new LibraryContainer(properties, chatBeans());
    }

    private static Class<?>[] chatBeans() {
        return new Class<?>[0];
    }

    WonderfulChat chat() {
        return container.bean(WonderfulChat.class);
    }

    /** The chat behind the bean, with its registry of live sessions. */
    ChatService service() {
        return (ChatService) container.client().chat();
    }

    /** Shuts the container down, as an application that stops. Idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            container.close();
        }
    }
}
