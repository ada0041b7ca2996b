package cx.wonderful.it.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.it.support.Deployments;
import cx.wonderful.it.support.Simulator;
import cx.wonderful.microprofile.chat.ChatEvent;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two separate applications (two WARs, two CDI containers) in one Liberty, each a relay of chats; the simulator is
 * the witness. Application A is undeployed in the middle of a conversation and B takes it over from the session
 * id and the last message the user saw; undeploying an application with 50 open sessions leaves no socket open.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatTakeoverIT {

    private static final String A = "takeover-a";
    private static final String B = "takeover-b";
    private static final long WAIT_SECONDS = 60;

    @Deployment(name = A, managed = false, testable = false)
    static WebArchive a() {
        return relay(A);
    }

    @Deployment(name = B, managed = false, testable = false)
    static WebArchive b() {
        return relay(B);
    }

    private static WebArchive relay(String name) {
        return Deployments.war(name, RelayApplication.class, RelayResource.class, Transcript.class);
    }

    @ArquillianResource
    Deployer deployer;

    private final List<String> deployed = new ArrayList<>();

    @BeforeEach
    void reset() {
        Simulator.reset();
    }

    @AfterEach
    void undeployAll() {
        new ArrayList<>(deployed).forEach(this::undeploy);
    }

    @Test
    void anotherApplicationTakesTheChatOverMidConversationWithNothingLostOrRepeated() throws Exception {
        deploy(A);
        String sessionId = post(A, "", null).asJsonArray().getString(0);
        post(A, sessionId + "/messages", "one");
        List<JsonObject> seenOnA = awaitSeen(A, sessionId, all -> texts(all).contains("You said: one"));
        JsonObject lastSeen = seenOnA.get(seenOnA.size() - 1);
        // The user sends again; A goes away before the user sees anything more.
        post(A, sessionId + "/messages", "two");
        undeploy(A);
        awaitSockets(sessionId, 0);

        deploy(B);
        post(B, sessionId + "/recover?lastSeen=" + lastSeen.getString("id"), null);
        awaitSeen(B, sessionId, all -> texts(all).contains("You said: two"));
        post(B, sessionId + "/messages", "three");
        List<JsonObject> seenOnB = awaitSeen(B, sessionId, all -> texts(all).contains("You said: three"));

        List<JsonObject> userSaw = new ArrayList<>(seenOnA.subList(0, seenOnA.indexOf(lastSeen) + 1));
        userSaw.addAll(seenOnB);
        List<String> server = Transcript.fromServer(sessionId).stream().map(ChatEvent.Message::text).toList();
        assertEquals(List.of("one", "You said: one", "two", "You said: two", "three", "You said: three"), server);
        assertEquals(server, texts(userSaw), "what the user saw, across both applications");
        assertEquals(userSaw.size(), new HashSet<>(userSaw.stream().map(m -> m.getString("id")).toList()).size(),
                "no message twice: " + userSaw);
    }

    @Test
    void undeployingAnApplicationWithFiftyOpenSessionsLeavesNoSocketAndNoLibraryThread() throws Exception {
        deploy(A);
        // Library threads of applications undeployed before this test (an earlier IT's) are not A's to answer for.
        Set<String> before = Set.copyOf(libraryThreads(A));
        JsonArray ids = post(A, "?count=50", null).asJsonArray();
        assertEquals(50, ids.size());
        for (String id : ids.getValuesAs(jakarta.json.JsonString::getString)) {
            awaitSockets(id, 1);
        }
        undeploy(A);
        for (String id : ids.getValuesAs(jakarta.json.JsonString::getString)) {
            awaitSockets(id, 0);
            assertTrue(session(id).isNull("ended_by") || !session(id).containsKey("ended_by"),
                    "the chat itself goes on at the server, for another instance to recover: " + session(id));
        }
        deploy(B);
        List<String> left = awaitNoLibraryThreadBut(before);
        assertEquals(List.of(), left, () -> "library threads of " + A + " left after the undeploy (of the JVM's, those"
                + " not in " + before + " before it started):\n" + Simulator.send(HttpRequest
                .newBuilder(uri(B, "thread-stacks")).timeout(Duration.ofSeconds(30)).GET().build()).body());
    }

    /**
     * The library threads of the JVM, but {@code before}, once they are gone, or those still there after the wait: a
     * thread interrupted by the undeploy while blocked in socket I/O may take a moment to return from it on a loaded
     * machine.
     */
    private List<String> awaitNoLibraryThreadBut(Set<String> before) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        List<String> left;
        while (!(left = libraryThreads(B).stream().filter(thread -> !before.contains(thread)).toList()).isEmpty()
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return left;
    }

    /** The library threads of the JVM, as {@code name#id}, seen from the application {@code app}. */
    private static List<String> libraryThreads(String app) {
        return get(app, "threads").asJsonArray().getValuesAs(jakarta.json.JsonString::getString);
    }

    private void deploy(String name) {
        deployer.deploy(name);
        deployed.add(name);
    }

    private void undeploy(String name) {
        deployed.remove(name);
        deployer.undeploy(name);
    }

    private static JsonObject session(String sessionId) {
        return Simulator.admin("GET", "/__admin/sessions/" + sessionId, null).asJsonObject().getJsonObject("data");
    }

    /** Waits until the simulator holds {@code count} sockets of the session. */
    private static void awaitSockets(String sessionId, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        int now;
        while ((now = sockets(sessionId)) != count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(count, now, "sockets of " + sessionId + " at the simulator");
    }

    private static int sockets(String sessionId) {
        return session(sessionId).getInt("sockets");
    }

    private static List<JsonObject> awaitSeen(String app, String sessionId, Predicate<List<JsonObject>> done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        List<JsonObject> seen = List.of();
        while (System.nanoTime() < deadline) {
            seen = get(app, sessionId + "/messages").asJsonArray().getValuesAs(JsonObject.class);
            if (done.test(seen)) {
                return seen;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not seen on " + app + " within " + WAIT_SECONDS + " s: " + seen);
    }

    private static List<String> texts(List<JsonObject> messages) {
        return messages.stream().map(m -> m.getString("text")).toList();
    }

    private static URI uri(String app, String path) {
        return Simulator.uri("/" + app + "/relay/chats" + (path.isEmpty() || path.startsWith("?") ? "" : "/") + path);
    }

    private static jakarta.json.JsonStructure post(String app, String path, String text) {
        HttpRequest request = HttpRequest.newBuilder(uri(app, path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "text/plain")
                .POST(text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text)).build();
        return answer(request);
    }

    private static jakarta.json.JsonStructure get(String app, String path) {
        return answer(HttpRequest.newBuilder(uri(app, path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    private static jakarta.json.JsonStructure answer(HttpRequest request) {
        HttpResponse<String> response = Simulator.send(request);
        assertTrue(response.statusCode() / 100 == 2, request.uri() + " answered " + response.statusCode() + ": " + response.body());
        return Simulator.parse(response.body()).orElse(JsonObject.EMPTY_JSON_OBJECT);
    }
}
