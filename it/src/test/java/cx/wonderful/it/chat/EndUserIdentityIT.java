package cx.wonderful.it.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.it.support.Deployments;
import cx.wonderful.it.support.Simulator;
import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.auth.Identity;
import cx.wonderful.microprofile.auth.WonderfulAuth;
import cx.wonderful.microprofile.chat.ChatSession;
import cx.wonderful.microprofile.chat.ParticipantType;
import cx.wonderful.microprofile.chat.StartChat;
import cx.wonderful.microprofile.chat.WonderfulChat;
import cx.wonderful.microprofile.communications.Communication;
import cx.wonderful.microprofile.communications.CommunicationType;
import cx.wonderful.microprofile.communications.ListCommunications;
import cx.wonderful.microprofile.communications.WonderfulCommunications;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the container, acting as end users ({@code chat.as(Identity.endUser(id))}): the simulator's journal shows
 * that every REST call and every handshake made for a user carries that user's own JWT (credential kind {@code jwt},
 * {@code sub} = the user), never the API key, that users do not see each other's chats, and that a revocation of
 * every user's token costs exactly one sign per user however many calls are refused at once.
 */
@ExtendWith(ArquillianExtension.class)
class EndUserIdentityIT {

    private static final String CHAT = "/api/workspace/" + Simulator.WORKSPACE + "/v3/chat";
    private static final String HANDSHAKES = "/api/v1/agents/";
    private static final String COMMUNICATIONS = "/api/v1/communications";
    private static final String SIGN = "/api/v1/jwt/sign";

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("chat-end-user", EndUserIdentityIT.class, EventLog.class);
    }

    @Inject
    WonderfulChat chat;
    @Inject
    WonderfulCommunications communications;
    @Inject
    WonderfulAuth auth;

    @Test
    void aUsersChatItsSendsItsSocketAndItsHistoryCarryTheUsersOwnJwt() throws Exception {
        Simulator.reset();
        UUID user = UUID.randomUUID();
        EventLog log = new EventLog();
        ChatSession session = chat.as(Identity.endUser(user)).start(StartChat.from("erin@acme.example", ParticipantType.EMAIL), log);
        session.send("hello").toCompletableFuture().get(EventLog.WAIT_SECONDS, TimeUnit.SECONDS);
        log.awaitMessage("You said: hello");
        session.close();

        ChatSession recovered = chat.as(Identity.endUser(user)).recover(session.sessionId());
        assertTrue(recovered.messages().stream().anyMatch(m -> m.text().equals("You said: hello")), "history read as the user");
        recovered.end().toCompletableFuture().get(EventLog.WAIT_SECONDS, TimeUnit.SECONDS);
        Communication record = communications.as(Identity.endUser(user)).get(session.sessionId());
        assertEquals(session.sessionId(), record.id());

        awaitJournal(HANDSHAKES, 2);
        List<JsonObject> calls = new ArrayList<>();
        calls.addAll(Simulator.journal(CHAT));
        calls.addAll(Simulator.journal(HANDSHAKES));
        calls.addAll(Simulator.journal(COMMUNICATIONS));
        assertTrue(calls.size() >= 7, "create, send, socket, history, end, socket again, record: " + calls);
        for (JsonObject call : calls) {
            assertEquals("jwt", call.getString("credential_kind"), "never the API key: " + call);
            assertEquals(user.toString(), call.getString("sub"), "the user's own token: " + call);
        }
        List<JsonObject> signs = Simulator.journal(SIGN);
        assertEquals(1, signs.size(), "one token signed for the user and kept: " + signs);
        assertEquals("apikey", signs.get(0).getString("credential_kind"));
    }

    @Test
    void twoUsersAtOnceEachWithTheirOwnToken() throws Exception {
        Simulator.reset();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        EventLog firstLog = new EventLog();
        EventLog secondLog = new EventLog();
        CompletableFuture<ChatSession> a = chat.as(Identity.endUser(first))
                .startAsync(StartChat.from("first@acme.example", ParticipantType.EMAIL), firstLog).toCompletableFuture();
        CompletableFuture<ChatSession> b = chat.as(Identity.endUser(second))
                .startAsync(StartChat.from("second@acme.example", ParticipantType.EMAIL), secondLog).toCompletableFuture();
        ChatSession sessionA = a.get(EventLog.WAIT_SECONDS, TimeUnit.SECONDS);
        ChatSession sessionB = b.get(EventLog.WAIT_SECONDS, TimeUnit.SECONDS);
        CompletableFuture.allOf(sessionA.send("from a").toCompletableFuture(), sessionB.send("from b").toCompletableFuture())
                .get(EventLog.WAIT_SECONDS, TimeUnit.SECONDS);
        firstLog.awaitMessage("You said: from a");
        secondLog.awaitMessage("You said: from b");

        assertOnlySub(CHAT + "/" + sessionA.sessionId(), first);
        assertOnlySub(CHAT + "/" + sessionB.sessionId(), second);
        awaitJournal(HANDSHAKES, 2);
        Set<String> handshakeSubs = Simulator.journal(HANDSHAKES).stream().map(e -> e.getString("sub")).collect(Collectors.toSet());
        assertEquals(Set.of(first.toString(), second.toString()), handshakeSubs);
        sessionA.end().toCompletableFuture().get(EventLog.WAIT_SECONDS, TimeUnit.SECONDS);
        sessionB.end().toCompletableFuture().get(EventLog.WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void oneUserCannotReadAnothersChat() throws Exception {
        Simulator.reset();
        UUID owner = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        ChatSession session = chat.as(Identity.endUser(owner)).start(StartChat.from("owner@acme.example", ParticipantType.EMAIL));
        String id = session.sessionId();
        session.end().toCompletableFuture().get(EventLog.WAIT_SECONDS, TimeUnit.SECONDS);

        WonderfulException recover = assertThrows(WonderfulException.class, () -> chat.as(Identity.endUser(other)).recover(id));
        assertEquals(ErrorCode.SESSION_NOT_FOUND, recover.code());
        WonderfulException get = assertThrows(WonderfulException.class, () -> communications.as(Identity.endUser(other)).get(id));
        assertEquals(ErrorCode.NOT_FOUND, get.code());
        assertFalse(ids(communications.as(Identity.endUser(other))).contains(id), "not in the other user's history");
        assertEquals(List.of(id), ids(communications.as(Identity.endUser(owner))), "the owner's history is their chat");
        assertTrue(ids(communications).contains(id), "the application (API key) sees the tenant's chats");
    }

    @Test
    void twoHundredCallsOfTwentyUsersAfterTheirTokensWereRevokedCauseExactlyTwentySigns() throws Exception {
        Simulator.reset();
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            UUID user = UUID.randomUUID();
            users.add(user);
            auth.tokenFor(user); // the user's token is signed and cached
        }
        assertEquals(20, Simulator.journal(SIGN).size());
        for (UUID user : users) {
            Simulator.admin("POST", "/__admin/tokens/revoke", "{\"subject\":\"" + user + "\"}");
        }
        Simulator.clearJournal();

        ExecutorService pool = Executors.newFixedThreadPool(40);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                UUID user = users.get(i % users.size());
                calls.add(pool.submit(() -> communications.as(Identity.endUser(user)).list(ListCommunications.builder().limit(1).build())
                        .data().size()));
            }
            for (Future<Integer> call : calls) {
                assertEquals(0, call.get(60, TimeUnit.SECONDS), "a user with no chat has an empty history");
            }
        } finally {
            pool.shutdownNow();
        }
        List<JsonObject> signs = Simulator.journal(SIGN);
        assertEquals(20, signs.size(), "exactly one sign per user");
        assertEquals(users.stream().map(UUID::toString).collect(Collectors.toSet()),
                Simulator.journal(COMMUNICATIONS).stream().filter(e -> e.getInt("status") == 200).map(e -> e.getString("sub"))
                        .collect(Collectors.toSet()));
    }

    private static List<String> ids(WonderfulCommunications history) {
        return history.list(ListCommunications.builder().type(CommunicationType.CHAT)
                .limit(100).build()).data().stream().map(Communication::id).toList();
    }

    private static void assertOnlySub(String pathPrefix, UUID user) {
        List<JsonObject> calls = Simulator.journal(pathPrefix);
        assertFalse(calls.isEmpty(), "calls on " + pathPrefix);
        for (JsonObject call : calls) {
            assertEquals("jwt", call.getString("credential_kind"), call.toString());
            assertEquals(user.toString(), call.getString("sub"), call.toString());
        }
    }

    /** The simulator journals an accepted handshake once the upgrade is done, which may be after the client has it. */
    private static void awaitJournal(String pathPrefix, int entries) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(EventLog.WAIT_SECONDS);
        while (Simulator.journal(pathPrefix).size() < entries && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
