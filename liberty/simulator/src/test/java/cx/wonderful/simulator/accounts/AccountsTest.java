package cx.wonderful.simulator.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountsTest {

    static Map<String, String> defaults() {
        Map<String, String> config = new HashMap<>();
        config.put("simulator.api-keys", "sim-key-acme=acme, sim-key-globex=globex");
        config.put("simulator.tokens", "sim-token-acme-alice=acme:alice,sim-token-acme-bob=acme:bob");
        config.put("simulator.tenants", "acme,globex");
        config.put("simulator.workspace-id", "ws-acme");
        config.put("simulator.agents", "agent-support,agent-sales");
        config.put("simulator.default-agent", "agent-support");
        config.put("simulator.locked-agents", "agent-locked");
        config.put("simulator.admin-key", "sim-admin");
        config.put("simulator.jwt.issuer", "https://simulator.test");
        config.put("simulator.ws.ping-interval-seconds", "5");
        config.put("simulator.chat.max-block-seconds", "30");
        return config;
    }

    static Accounts accounts() {
        Map<String, String> config = defaults();
        return Accounts.from(key -> Optional.ofNullable(config.get(key)));
    }

    @Test
    void readsKeysTokensAndAgentsFromConfig() {
        Accounts accounts = accounts();
        assertEquals(Optional.of("globex"), accounts.tenantOfApiKey("sim-key-globex"));
        assertEquals(Optional.empty(), accounts.tenantOfApiKey("sim-key-unknown"));
        assertEquals(new Accounts.TokenOwner("acme", "bob"), accounts.ownerOfToken("sim-token-acme-bob").orElseThrow());
        assertEquals(List.of("sim-token-acme-alice"), accounts.tokensOf("alice"));
        assertEquals(AgentAccess.ALLOWED, accounts.agentAccess("agent-sales"));
        assertEquals(AgentAccess.FORBIDDEN, accounts.agentAccess("agent-locked"));
        assertEquals(AgentAccess.NOT_FOUND, accounts.agentAccess("agent-nobody"));
        assertEquals(Duration.ofSeconds(5), accounts.pingInterval());
        assertEquals(Duration.ofSeconds(30), accounts.maxBlock());
        assertEquals("ws-acme", accounts.workspaceId());
    }

    @Test
    void missingOrMalformedConfigFailsAtStart() {
        Map<String, String> missing = defaults();
        missing.remove("simulator.admin-key");
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> Accounts.from(key -> Optional.ofNullable(missing.get(key))));
        assertTrue(error.getMessage().contains("simulator.admin-key"));

        Map<String, String> badToken = defaults();
        badToken.put("simulator.tokens", "sim-token-x=acme");
        assertThrows(IllegalStateException.class, () -> Accounts.from(key -> Optional.ofNullable(badToken.get(key))));

        Map<String, String> badDefault = defaults();
        badDefault.put("simulator.default-agent", "agent-locked");
        assertThrows(IllegalArgumentException.class,
                () -> Accounts.from(key -> Optional.ofNullable(badDefault.get(key))));
    }
}
