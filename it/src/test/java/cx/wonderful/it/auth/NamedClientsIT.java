package cx.wonderful.it.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cx.wonderful.it.support.Deployments;
import cx.wonderful.it.support.Simulator;
import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulClient;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.auth.Identity;
import cx.wonderful.microprofile.auth.SignRequest;
import cx.wonderful.microprofile.auth.WonderfulAuth;
import cx.wonderful.microprofile.chat.ChatSession;
import cx.wonderful.microprofile.chat.ParticipantType;
import cx.wonderful.microprofile.chat.StartChat;
import cx.wonderful.microprofile.chat.WonderfulChat;
import cx.wonderful.microprofile.communications.ListCommunications;
import cx.wonderful.microprofile.communications.WonderfulCommunications;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two clients in one application: the unnamed one on tenant acme (the server's {@code wonderful.*} variables) and
 * {@code @WonderfulClient("tenant-b")} on tenant globex with its own key. Each sees its own tenant's history, signs
 * its own tenant's tokens, and a chat started through one is not the other's.
 */
@ExtendWith(ArquillianExtension.class)
class NamedClientsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("auth-named-clients", """
                wonderful.tenant-b.base-url=${wonderful.base-url}
                wonderful.tenant-b.api-key=sim-key-globex
                wonderful.tenant-b.tenant-id=globex
                wonderful.tenant-b.workspace-id=ws-acme
                wonderful.tenant-b.agent-id=agent-support
                """, NamedClientsIT.class);
    }

    @Inject
    WonderfulCommunications acme;
    @Inject
    @WonderfulClient("tenant-b")
    WonderfulCommunications globex;
    @Inject
    @WonderfulClient("tenant-b")
    WonderfulAuth globexAuth;
    @Inject
    @WonderfulClient("tenant-b")
    WonderfulChat globexChat;

    @Test
    void eachClientSeesItsOwnTenant() {
        Simulator.reset();
        assertEquals(Set.of("acme"), tenantsOf(acme));
        assertEquals(Set.of("globex"), tenantsOf(globex));
        String jwt = globexAuth.sign(SignRequest.forUser(UUID.randomUUID())).jwt();
        assertEquals("globex", claims(jwt).getString("tenant_id"));
    }

    @Test
    void aChatOfTheNamedClientBelongsToItsTenant() throws Exception {
        Simulator.reset();
        ChatSession session = globexChat.start(StartChat.from("carol@globex.example", ParticipantType.EMAIL));
        String id = session.sessionId();
        session.end().toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertEquals("globex", globex.get(id).tenantId().orElseThrow());
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(WonderfulException.class, () -> acme.get(id)).code());
    }

    @Test
    void anEndUserOfTheNamedClientGetsATokenOfThatTenant() {
        Simulator.reset();
        UUID user = UUID.randomUUID();
        assertEquals(0, globex.as(Identity.endUser(user)).list(ListCommunications.builder().build()).data().size());
        List<JsonObject> calls = Simulator.journal("/api/v1/communications");
        assertEquals(1, calls.size());
        assertEquals(user.toString(), calls.get(0).getString("sub"));
        assertEquals("globex", claims(globexAuth.tokenFor(user)).getString("tenant_id"));
        assertFalse(globexAuth.tokenFor(user).isBlank());
    }

    private static Set<String> tenantsOf(WonderfulCommunications history) {
        return history.list(ListCommunications.builder().limit(100).build()).data().stream()
                .map(c -> c.tenantId().orElse("?")).collect(Collectors.toSet());
    }

    private static JsonObject claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        String json = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(json)).readObject();
    }
}
