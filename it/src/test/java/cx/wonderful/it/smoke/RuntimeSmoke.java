package cx.wonderful.it.smoke;

import cx.wonderful.it.support.Simulator;
import cx.wonderful.microprofile.auth.SignRequest;
import cx.wonderful.microprofile.auth.WonderfulAuth;
import cx.wonderful.microprofile.chat.ChatEvent;
import cx.wonderful.microprofile.chat.ChatSession;
import cx.wonderful.microprofile.chat.ParticipantType;
import cx.wonderful.microprofile.chat.Speaker;
import cx.wonderful.microprofile.chat.StartChat;
import cx.wonderful.microprofile.chat.WonderfulChat;
import cx.wonderful.microprofile.communications.Communication;
import cx.wonderful.microprofile.communications.CommunicationType;
import cx.wonderful.microprofile.communications.ListCommunications;
import cx.wonderful.microprofile.communications.Page;
import cx.wonderful.microprofile.communications.WonderfulCommunications;
import cx.wonderful.microprofile.internal.health.WonderfulReadinessCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * What the smoke of another runtime exercises, inside that runtime, with its own Rest Client, JSON and WebSocket
 * implementations, against the simulator: sign, readiness, communications plain and filtered (with the exact
 * query on the wire, from the simulator's journal), a chat (start, send, reply, end) with its CDI events, and a
 * refresh after a 401 over HTTP and at a reconnect. Each check reports {@code ok} or why it failed.
 */
@ApplicationScoped
public class RuntimeSmoke {

    private static final long WAIT_SECONDS = 30;

    @Inject
    WonderfulAuth auth;
    @Inject
    WonderfulChat chat;
    @Inject
    WonderfulCommunications communications;
    @Inject
    SmokeEvents events;
    @Inject
    @Readiness
    Instance<HealthCheck> readiness;

    /** Every check, in order, with {@code ok} or the failure. */
    public Map<String, String> run() {
        Map<String, String> results = new LinkedHashMap<>();
        check(results, "readiness", this::readiness);
        check(results, "auth.sign", this::sign);
        check(results, "communications.list", this::listPlain);
        check(results, "communications.list filtered", this::listFiltered);
        check(results, "chat start/send/reply/end + CDI events", this::chat);
        check(results, "refresh after 401 (HTTP)", this::refreshOverHttp);
        check(results, "refresh after 401 (reconnect)", this::refreshAtReconnect);
        return results;
    }

    private void readiness() {
        HealthCheck check = readiness.stream().filter(c -> c instanceof WonderfulReadinessCheck
                || WonderfulReadinessCheck.NAME.equals(c.call().getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + WonderfulReadinessCheck.NAME + " readiness check"));
        HealthCheckResponse response = check.call();
        require(response.getStatus() == HealthCheckResponse.Status.UP
                && Boolean.TRUE.equals(response.getData().orElseThrow().get("enabled")), "readiness " + response.getData());
    }

    private void sign() {
        String jwt = auth.sign(SignRequest.forNewUser()).jwt();
        require(jwt.split("\\.").length == 3, "not a JWT");
    }

    private void listPlain() {
        Simulator.clearJournal();
        Page<Communication> page = communications.list(ListCommunications.all());
        require(!page.data().isEmpty(), "no records");
        require(listQueries().equals(List.of("filters=%7B%7D&page=1&limit=20")), "wire: " + listQueries());
    }

    private void listFiltered() {
        Simulator.clearJournal();
        Page<Communication> page = communications.list(ListCommunications.builder().type(CommunicationType.VOICE).limit(5).build());
        require(!page.data().isEmpty() && page.data().stream().allMatch(c -> c.type().orElse(null) == CommunicationType.VOICE),
                "not all voice: " + page.data());
        require(listQueries().equals(List.of("filters=%7B%22type%22%3A%5B%22voice%22%5D%7D&page=1&limit=5")),
                "wire: " + listQueries());
    }

    private void chat() throws Exception {
        Listener log = new Listener();
        ChatSession session = chat.start(StartChat.from("+15550001234", ParticipantType.PHONE), log);
        session.send("hello").toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        log.await(ChatEvent.Message.class, m -> m.speaker() == Speaker.AGENT && m.text().equals("You said: hello"));
        session.end().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        log.await(ChatEvent.Ended.class, e -> true);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!events.saw(session.sessionId(), ChatEvent.Ended.class) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        require(events.saw(session.sessionId(), ChatEvent.Connected.class)
                && events.saw(session.sessionId(), ChatEvent.Message.class)
                && events.saw(session.sessionId(), ChatEvent.Ended.class), "CDI events: " + events.of(session.sessionId()));
    }

    // An end user's list holds their own chats only: the user's chat listed after the refresh shows that the new
    // token is the same user's. Leaves the refreshed token in place: the next check signs and sets its own.
    private void refreshOverHttp() throws Exception {
        String jwt = auth.sign(SignRequest.forUser(UUID.randomUUID())).jwt();
        auth.setToken(jwt);
        Listener log = new Listener();
        ChatSession own = chat.start(StartChat.from("+15550005678", ParticipantType.PHONE), log);
        log.await(ChatEvent.Connected.class, c -> true);
        own.end().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        Simulator.revoke(jwt);
        Simulator.clearJournal();
        List<String> listed = communications.list(ListCommunications.all()).data().stream().map(Communication::id).toList();
        require(listed.equals(List.of(own.sessionId())), "the user's own chat after the refresh: " + listed);
        List<Integer> statuses = Simulator.journal("/api/v1/communications").stream().map(e -> e.getInt("status")).toList();
        require(statuses.equals(List.of(401, 200)), "list statuses " + statuses);
        require(Simulator.journal("/api/v1/jwt/sign").size() == 1, "one refresh sign");
    }

    private void refreshAtReconnect() throws Exception {
        String jwt = auth.sign(SignRequest.forUser(UUID.randomUUID())).jwt();
        auth.setToken(jwt);
        try {
            Listener log = new Listener();
            ChatSession session = chat.start(StartChat.from("dana@acme.example", ParticipantType.EMAIL), log);
            session.send("before").toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
            log.await(ChatEvent.Message.class, m -> m.speaker() == Speaker.AGENT && m.text().equals("You said: before"));
            Simulator.revoke(jwt);
            Simulator.clearJournal();
            Simulator.admin("POST", "/__admin/sessions/" + session.sessionId() + "/drop", "{\"code\":1011}");
            log.await(ChatEvent.Reconnected.class, r -> true);
            List<String> handshakes = handshakes();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (handshakes.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
                handshakes = handshakes();
            }
            require(handshakes.equals(List.of("401 jwt", "101 jwt")), "handshakes " + handshakes);
            session.send("after").toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
            log.await(ChatEvent.Message.class, m -> m.speaker() == Speaker.AGENT && m.text().equals("You said: after"));
            session.end().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } finally {
            auth.clearAuth();
        }
    }

    private static List<String> listQueries() {
        return Simulator.journal("/api/v1/communications").stream()
                .filter(e -> e.getString("path").equals("/api/v1/communications"))
                .map(e -> e.getString("query", "")).toList();
    }

    private static List<String> handshakes() {
        return Simulator.journal("/api/v1/agents/").stream()
                .map((JsonObject e) -> e.getInt("status") + " " + e.getString("credential_kind", "?")).toList();
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    private interface Check {
        void run() throws Exception;
    }

    private static void check(Map<String, String> results, String name, Check check) {
        try {
            check.run();
            results.put(name, "ok");
        } catch (Exception | AssertionError e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            results.put(name, "FAILED: " + trace.toString().lines().limit(12).reduce((a, b) -> a + "\n" + b).orElse(""));
        }
    }

    /** A session listener whose events can be awaited in order. */
    private static final class Listener implements cx.wonderful.microprofile.chat.ChatEventListener {
        private final BlockingQueue<ChatEvent> pending = new LinkedBlockingQueue<>();

        @Override
        public void onEvent(ChatEvent event) {
            pending.add(event);
        }

        <T extends ChatEvent> T await(Class<T> type, Predicate<T> matching) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (true) {
                ChatEvent next = pending.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new AssertionError("no " + type.getSimpleName() + " within " + WAIT_SECONDS + " s");
                }
                if (type.isInstance(next) && matching.test(type.cast(next))) {
                    return type.cast(next);
                }
            }
        }
    }
}
