package cx.wonderful.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.it.support.Simulator;
import cx.wonderful.microprofile.auth.SignRequest;
import cx.wonderful.microprofile.auth.WonderfulAuth;
import cx.wonderful.microprofile.communications.ListCommunications;
import cx.wonderful.microprofile.communications.WonderfulCommunications;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Benchmark 2, refresh storm: 500 calls released at once on a signed token the simulator has just revoked (each
 * gets a 401, the library refreshes once for all of them and re-sends), against the same 500 calls on a valid
 * token. Asserted: every call succeeds and the journal shows exactly one sign per revoked round, none per valid one.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RefreshStormBenchmark {

    static final String ID = "2-refresh-storm";
    private static final int CALLS = 500;
    private static final int WARMUP_ROUNDS = 1;
    private static final int ROUNDS = 4;
    private static final String SIGN_PATH = "/api/v1/jwt/sign";
    private static final String LIST_PATH = "/api/v1/communications";

    @Deployment
    static WebArchive deployment() {
        return BenchDeployments.war("bench-refresh", "", RefreshStormBenchmark.class);
    }

    @Inject
    WonderfulAuth auth;
    @Inject
    WonderfulCommunications communications;

    private final ListCommunications query = ListCommunications.builder().limit(1).build();

    @Test
    @Order(1)
    void measure() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(CALLS);
        try {
            Samples revoked = new Samples();
            Samples valid = new Samples();
            List<Round> revokedRounds = new ArrayList<>();
            List<Round> validRounds = new ArrayList<>();
            for (int round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
                boolean record = round >= WARMUP_ROUNDS;
                // Alternate which kind goes first, so neither always runs on a server warmed by the other.
                boolean revokedFirst = round % 2 == 0;
                for (boolean revoke : revokedFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
                    Round result = storm(callers, revoke);
                    (revoke ? revokedRounds : validRounds).add(result);
                    if (record) {
                        (revoke ? revoked : valid).addAll(result.times());
                    }
                }
            }
            new BenchTable(ID, "2. Refresh storm (" + CALLS + " concurrent calls)", "revoked token", "valid token")
                    .latency("communications.list", revoked, valid, null, null)
                    .fact("sign calls per round (journal), revoked / valid", signs(revokedRounds) + " / " + signs(validRounds),
                            "exactly 1 / 0", true)
                    .fact("calls that succeeded per round, revoked / valid", succeeded(revokedRounds) + " / " + succeeded(validRounds),
                            "all " + CALLS, true)
                    .fact("calls answered 401 before the refresh, per revoked round", refused(revokedRounds), null, null)
                    .note(CALLS + " caller threads wait on one latch, then each times its own WonderfulCommunications.list (limit 1). "
                            + "Revoked rounds: a freshly signed JWT is set with setToken, revoked with the admin API, then the storm "
                            + "starts; calls get 401, one refresh signs a new JWT (default refresher, API key), every call re-sends.")
                    .note(WARMUP_ROUNDS + " warm-up round and " + ROUNDS + " measured rounds of each kind, alternating; percentiles over all measured calls.")
                    .write();
        } finally {
            callers.shutdownNow();
        }
    }

    /** One round: a fresh token (revoked or not), then {@value #CALLS} calls released at once; checks the invariants. */
    private Round storm(ExecutorService callers, boolean revoke) throws Exception {
        Simulator.reset();
        String token = auth.sign(SignRequest.forUser(UUID.randomUUID())).jwt();
        auth.setToken(token);
        communications.list(query);
        if (revoke) {
            Simulator.admin("POST", "/__admin/tokens/revoke", "{\"token\":\"" + token + "\"}");
        }
        Simulator.clearJournal();

        Samples times = new Samples();
        CountDownLatch ready = new CountDownLatch(CALLS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            calls.add(callers.submit(() -> {
                ready.countDown();
                go.await();
                long start = System.nanoTime();
                int rows = communications.list(query).data().size();
                times.add(System.nanoTime() - start);
                return rows;
            }));
        }
        ready.await(60, TimeUnit.SECONDS);
        go.countDown();
        for (Future<Integer> call : calls) {
            // A failed call throws here; the journal below shows each one answered 200. (The token is an end user's:
            // the history holds that user's own chats only, none here.)
            call.get(120, TimeUnit.SECONDS);
        }

        List<JsonObject> signs = Simulator.journal(SIGN_PATH);
        List<JsonObject> lists = Simulator.journal(LIST_PATH);
        assertEquals(revoke ? 1 : 0, signs.size(), "sign calls in the journal");
        long ok = lists.stream().filter(e -> e.getInt("status") == 200).count();
        long refused = lists.stream().filter(e -> e.getInt("status") == 401).count();
        assertEquals(CALLS, ok, "successful list calls");
        assertEquals(lists.size(), ok + refused, "every list call was answered 200 or 401");
        if (revoke) {
            assertTrue(refused >= 1 && refused <= CALLS, "calls refused before the refresh: " + refused);
        } else {
            assertEquals(0, refused, "no call is refused on a valid token");
        }
        return new Round(times, signs.size(), ok, refused);
    }

    /** What one round measured and what the journal showed. */
    private record Round(Samples times, int signs, long succeeded, long refused) {
    }

    private static String signs(List<Round> rounds) {
        return rounds.stream().map(r -> String.valueOf(r.signs())).collect(Collectors.joining(",", "[", "]"));
    }

    private static String succeeded(List<Round> rounds) {
        return rounds.stream().map(r -> String.valueOf(r.succeeded())).collect(Collectors.joining(",", "[", "]"));
    }

    private static String refused(List<Round> rounds) {
        return rounds.stream().map(r -> String.valueOf(r.refused())).collect(Collectors.joining(",", "[", "]"));
    }

    @Test
    @Order(2)
    @RunAsClient
    void report() {
        BenchResults.publish(ID);
    }
}
