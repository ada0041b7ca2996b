package cx.wonderful.simulator.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.simulator.auth.Caller;
import cx.wonderful.simulator.auth.CredentialKind;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionStoreTest {

    private final SessionStore store = new SessionStore(Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC),
            new ScriptedAgent());
    private final Caller alice = new Caller(CredentialKind.SIGNED_TOKEN, "acme", "alice", "eyJ****");
    private final Caller bob = new Caller(CredentialKind.SIGNED_TOKEN, "acme", "bob", "eyJ****");
    private final Caller acmeKey = new Caller(CredentialKind.API_KEY, "acme", null, "sim-****");
    private final Caller globexKey = new Caller(CredentialKind.API_KEY, "globex", null, "sim-****");

    @Test
    void anEndUserSeesTheChatsTheyCreatedOnlyAndTheKeySeesAllOfItsTenant() {
        ChatSession ofAlice = store.create(alice, "agent-support", Participants.NONE, JsonValue.EMPTY_JSON_OBJECT);
        ChatSession ofBob = store.create(bob, "agent-support", Participants.NONE, JsonValue.EMPTY_JSON_OBJECT);
        ChatSession ofKey = store.create(acmeKey, "agent-support", Participants.NONE, JsonValue.EMPTY_JSON_OBJECT);

        assertEquals("alice", ofAlice.owner());
        assertTrue(store.find(alice, ofAlice.id()).isPresent());
        assertTrue(store.find(alice, ofBob.id()).isEmpty());
        assertTrue(store.find(alice, ofKey.id()).isEmpty());
        assertEquals(List.of(ofBob.id()), store.of(bob).stream().map(ChatSession::id).toList());
        assertEquals(3, store.of(acmeKey).size());
        assertTrue(store.find(acmeKey, ofAlice.id()).isPresent());
        assertTrue(store.find(globexKey, ofAlice.id()).isEmpty());
        assertTrue(store.of(globexKey).isEmpty());
    }
}
