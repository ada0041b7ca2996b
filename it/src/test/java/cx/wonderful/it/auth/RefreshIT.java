package cx.wonderful.it.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.it.support.Deployments;
import cx.wonderful.it.support.Simulator;
import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.auth.SignRequest;
import cx.wonderful.microprofile.auth.SignResponse;
import cx.wonderful.microprofile.auth.WonderfulAuth;
import cx.wonderful.microprofile.communications.Communication;
import cx.wonderful.microprofile.communications.ListCommunications;
import cx.wonderful.microprofile.communications.Page;
import cx.wonderful.microprofile.communications.WonderfulCommunications;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside Liberty: a token revoked while in use is refreshed (the library's default refresher signs a new JWT for
 * the same user with the API key) and the call succeeds; many concurrent calls after a revocation cause one sign.
 */
@ExtendWith(ArquillianExtension.class)
class RefreshIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("auth-refresh", RefreshIT.class);
    }

    @Inject
    WonderfulAuth auth;
    @Inject
    WonderfulCommunications communications;

    @BeforeEach
    void start() {
        Simulator.reset();
    }

    /** One authenticated request: the first page of the history. */
    private Page<Communication> call() {
        return communications.list(ListCommunications.all());
    }

    private String signedInAs(UUID user) {
        SignResponse signed = auth.sign(SignRequest.forUser(user));
        auth.setToken(signed.jwt());
        return signed.jwt();
    }

    @Test
    void aTokenRevokedMidUseIsRefreshedForTheSameUserAndTheCallSucceeds() {
        UUID user = UUID.randomUUID();
        String first = signedInAs(user);
        call();
        Simulator.revoke(first);
        Simulator.clearJournal();

        Page<Communication> page = call();

        assertTrue(page.pagination().page() >= 1);
        List<JsonObject> journal = Simulator.journal("/api/v1/");
        assertEquals(List.of("/api/v1/communications 401", "/api/v1/jwt/sign 200", "/api/v1/communications 200"),
                journal.stream().map(e -> e.getString("path") + " " + e.getInt("status")).toList());
        assertEquals("apikey", journal.get(1).getString("credential_kind"), "the refresh signs with the API key");
        assertFalse(auth.config().maskedCredential().orElseThrow().endsWith(first.substring(first.length() - 4)),
                "the current token is another one");
        assertEquals(user.toString(), journal.get(2).getString("sub"), "the new token is the same user's");
    }

    @Test
    void twoHundredConcurrentCallsAfterARevocationCauseExactlyOneSign() throws Exception {
        String first = signedInAs(UUID.randomUUID());
        call();
        Simulator.revoke(first);
        Simulator.clearJournal();
        int calls = 200;
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<Page<Communication>>> results = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                results.add(pool.submit(this::call));
            }
            for (Future<Page<Communication>> result : results) {
                assertTrue(result.get(120, TimeUnit.SECONDS).pagination().page() >= 1);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(1, Simulator.journal("/api/v1/jwt/sign").size(), "exactly one refresh");
        List<JsonObject> probes = Simulator.journal("/api/v1/communications");
        assertEquals(calls, probes.stream().filter(e -> e.getInt("status") == 200).count());
        assertTrue(probes.stream().allMatch(e -> e.getInt("status") == 200 || e.getInt("status") == 401));
    }

    @Test
    void afterClearAuthCallsFailWithNotAuthenticatedAndSendNothing() {
        signedInAs(UUID.randomUUID());
        Simulator.clearJournal();
        auth.clearAuth();

        WonderfulException error = assertThrows(WonderfulException.class, this::call);

        assertEquals(ErrorCode.NOT_AUTHENTICATED, error.code());
        assertTrue(Simulator.journal("/api/v1/").isEmpty());
    }
}
