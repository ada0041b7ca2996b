package cx.wonderful.microprofile.internal.realtime;

import jakarta.json.Json;
import jakarta.websocket.CloseReason;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.tyrus.core.HandshakeException;
import org.glassfish.tyrus.server.Server;

/**
 * A small in-process agent chat server on Tyrus (§2.4): it checks the credential of every handshake, answers with
 * the scheme alone, sends {@code start}, keeps each session's transcripts and replays those after {@code after} on
 * a resume. Tests drive it: publish transcripts, drop sockets with a close code, refuse handshakes.
 */
public final class AgentChatTestServer implements AutoCloseable {

    public static final Set<String> ACCEPTED = ConcurrentHashMap.newKeySet();
    public static final List<String> PROTOCOL_HEADERS = new CopyOnWriteArrayList<>();
    public static final List<String> QUERIES = new CopyOnWriteArrayList<>();
    /** The {@code traceparent} values of each handshake. */
    public static final List<List<String>> TRACEPARENTS = new CopyOnWriteArrayList<>();
    public static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    public static final Map<String, List<String>> TRANSCRIPTS = new ConcurrentHashMap<>();
    public static final Map<String, List<Session>> OPEN = new ConcurrentHashMap<>();
    public static final AtomicInteger REFUSE_NEXT = new AtomicInteger();
    public static volatile int refuseStatus = 503;
    public static final AtomicInteger IDS = new AtomicInteger();
    /** When not 0, every socket is closed with this code right after it opened (a flapping server). */
    public static volatile int closeOnOpen;

    private Server server;
    private final int port;

    public AgentChatTestServer() {
        ACCEPTED.clear();
        PROTOCOL_HEADERS.clear();
        QUERIES.clear();
        TRACEPARENTS.clear();
        RECEIVED.clear();
        TRANSCRIPTS.clear();
        OPEN.clear();
        REFUSE_NEXT.set(0);
        refuseStatus = 503;
        closeOnOpen = 0;
        port = freePort();
        server = new Server("127.0.0.1", port, "", null, AgentChat.class);
        try {
            server.start();
        } catch (jakarta.websocket.DeploymentException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI base() {
        return URI.create("ws://127.0.0.1:" + port);
    }

    /** Adds a transcript to the session and sends it to its open sockets; returns its id. */
    public static String publish(String sessionId, String speaker, String text) {
        String id = "t-" + IDS.incrementAndGet();
        String frame = Json.createObjectBuilder().add("type", "transcript").add("data", Json.createObjectBuilder()
                .add("id", id).add("communication_id", sessionId).add("speaker", speaker).add("text", text)
                .add("created_at", System.currentTimeMillis())).build().toString();
        synchronized (TRANSCRIPTS) {
            TRANSCRIPTS.computeIfAbsent(sessionId, s -> new ArrayList<>()).add(frame);
            for (Session open : OPEN.getOrDefault(sessionId, List.of())) {
                open.getAsyncRemote().sendText(frame);
            }
        }
        return id;
    }

    /** Sends a raw frame to the session's open sockets. */
    public static void sendRaw(String sessionId, String frame) {
        for (Session open : OPEN.getOrDefault(sessionId, List.of())) {
            open.getAsyncRemote().sendText(frame);
        }
    }

    /** Closes the session's sockets from the server side with {@code code}, once the server has one open. */
    public static void drop(String sessionId, int code) {
        awaitOpenSocket(sessionId);
        for (Session open : List.copyOf(OPEN.getOrDefault(sessionId, List.of()))) {
            try {
                open.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), "dropped by the test"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (IllegalStateException alreadyClosed) {
                // closed meanwhile (a flapping server closes its sockets as they open): nothing left to drop
            }
        }
    }

    /** The server registers a socket in its own onOpen, which may run after the client's: wait for it. */
    public static void awaitOpenSocket(String sessionId) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (openSockets(sessionId) == 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public static int openSockets(String sessionId) {
        return OPEN.getOrDefault(sessionId, List.of()).size();
    }

    @Override
    public void close() {
        server.stop();
    }

    /**
     * A server restart: every socket is cut without a close frame (the client sees 1006), and the server is away
     * until {@code start} runs; the sessions' transcripts are kept, as a real server keeps them.
     */
    public void stopAbruptly() {
        server.stop();
        OPEN.clear();
    }

    /** Starts the server again on the same port after {@link #stopAbruptly()}. */
    public void startAgain() {
        server = new Server("127.0.0.1", port, "", null, AgentChat.class);
        try {
            server.start();
        } catch (jakarta.websocket.DeploymentException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks the credential before the upgrade; the scheme alone is the negotiated sub-protocol. */
    public static final class Handshakes extends ServerEndpointConfig.Configurator {

        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            List<String> values = request.getHeaders().entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase("Sec-WebSocket-Protocol"))
                    .flatMap(e -> e.getValue().stream()).toList();
            // Tyrus splits the header's comma-separated values into a list; join them back.
            String header = String.join(", ", values);
            PROTOCOL_HEADERS.add(header);
            QUERIES.add(request.getQueryString() == null ? "" : request.getQueryString());
            TRACEPARENTS.add(request.getHeaders().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("traceparent"))
                    .flatMap(e -> e.getValue().stream()).toList());
            if (REFUSE_NEXT.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw sneaky(new HandshakeException(refuseStatus, "refused by the test"));
            }
            if (!ACCEPTED.contains(header)) {
                throw sneaky(new HandshakeException(401, "unknown credential"));
            }
        }

        @Override
        public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
            return requested.isEmpty() ? "" : requested.get(0);
        }

        @SuppressWarnings("unchecked")
        private static <T extends Throwable> RuntimeException sneaky(Throwable failure) throws T {
            throw (T) failure;
        }
    }

    @ServerEndpoint(value = "/api/v1/agents/{agentId}/chat", configurator = Handshakes.class)
    public static final class AgentChat {

        @OnOpen
        public void open(Session session, @PathParam("agentId") String agentId) {
            Map<String, List<String>> query = session.getRequestParameterMap();
            String sessionId = query.containsKey("sessionId") ? query.get("sessionId").get(0) : "s-" + session.getId();
            String after = query.getOrDefault("after", List.of("")).get(0);
            session.getUserProperties().put("sessionId", sessionId);
            synchronized (TRANSCRIPTS) {
                session.getAsyncRemote().sendText(Json.createObjectBuilder().add("type", "start")
                        .add("communication_id", sessionId).build().toString());
                List<String> all = TRANSCRIPTS.getOrDefault(sessionId, List.of());
                int from = 0;
                for (int i = 0; i < all.size(); i++) {
                    if (!after.isEmpty() && all.get(i).contains("\"id\":\"" + after + "\"")) {
                        from = i + 1;
                    }
                }
                for (String frame : all.subList(from, all.size())) {
                    session.getAsyncRemote().sendText(frame);
                }
                OPEN.computeIfAbsent(sessionId, s -> new CopyOnWriteArrayList<>()).add(session);
            }
            if (closeOnOpen != 0) {
                try {
                    session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(closeOnOpen), "flapping"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @OnMessage
        public void message(Session session, String text) {
            RECEIVED.add(text);
        }

        @OnClose
        public void close(Session session) {
            Object sessionId = session.getUserProperties().get("sessionId");
            if (sessionId != null) {
                OPEN.getOrDefault(sessionId.toString(), new ArrayList<>()).remove(session);
            }
        }
    }
}
