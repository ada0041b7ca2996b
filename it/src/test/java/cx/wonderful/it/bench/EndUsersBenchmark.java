package cx.wonderful.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.it.support.Simulator;
import cx.wonderful.microprofile.auth.Identity;
import cx.wonderful.microprofile.auth.WonderfulAuth;
import cx.wonderful.microprofile.communications.ListCommunications;
import cx.wonderful.microprofile.communications.WonderfulCommunications;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
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
 * Benchmark 7, many end users: {@value #USERS} end users, each with a JWT of their own that the library signs with
 * the API key and keeps in its per-user cache ({@link WonderfulAuth#tokenFor}, {@code Identity.endUser}).
 * <ol>
 * <li>Getting the tokens: {@value #USERS} first tokens on {@value #CALLERS} threads, against as many bare sign
 * calls; the heap the cache holds per user, against the JWT strings alone.</li>
 * <li>A revocation storm across users: every user's token revoked at the server, then {@value #CALLS_PER_USER}
 * concurrent calls per user as that user; against the same calls on the valid tokens just before.</li>
 * <li>The refresh schedule: the storm's tokens live {@value #LIFETIME_SECONDS} s; every user's token is read in a
 * loop until each has been refreshed before its {@code exp}: refreshes per second, against the signing rate of
 * the storm (what a refresh at a fixed lead, without jitter, would repeat).</li>
 * </ol>
 * Asserted: exactly one sign call per user in each phase (the journal's count, and every user's token replaced
 * exactly once), every call succeeded as its own user.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndUsersBenchmark {

    static final String ID = "7-end-users";
    private static final int USERS = 1_000;
    private static final int CALLERS = 8;
    private static final int CALLS_PER_USER = 2;
    private static final int STORM_THREADS = 64;
    /**
     * With a refresh skew of {@value #SKEW_SECONDS} s a token is refreshed on use from 60 to 70 s after it was signed
     * (the lead plus up to half of it as jitter): the phases before the schedule have a minute to run.
     */
    private static final int LIFETIME_SECONDS = 90;
    private static final int SKEW_SECONDS = 20;
    private static final Duration WATCH = Duration.ofSeconds(LIFETIME_SECONDS);
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final String SIGN_PATH = "/api/v1/jwt/sign";
    private static final String LIST_PATH = "/api/v1/communications";

    @Deployment
    static WebArchive deployment() {
        return BenchDeployments.war("bench-end-users", "wonderful.end-user.token-lifetime=" + LIFETIME_SECONDS + "s\n"
                + "wonderful.refresh-skew=" + SKEW_SECONDS + "s\n",
                EndUsersBenchmark.class, BareApi.class, StaticApiKey.class);
    }

    @Inject
    WonderfulAuth auth;
    @Inject
    WonderfulCommunications communications;

    private final ListCommunications query = ListCommunications.builder().limit(1).build();

    @Test
    @Order(1)
    void measure() throws Exception {
        Simulator.reset();
        List<UUID> users = IntStream.range(0, USERS).mapToObj(i -> UUID.randomUUID()).toList();
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        ExecutorService storm = Executors.newFixedThreadPool(STORM_THREADS);
        BareApi bare = RestClientBuilder.newBuilder().baseUri(Simulator.baseUrl()).register(new StaticApiKey()).build(BareApi.class);
        try {
            warmUp(bare);
            // 1. First tokens, and what the cache holds per user.
            long bareStart = System.nanoTime();
            List<String> bareTokens = parallel(callers, USERS, i -> bare.sign(JSON.createObjectBuilder()
                    .add("entityId", users.get(i).toString()).add("expiresIn", LIFETIME_SECONDS)
                    .add("tenantId", Simulator.TENANT).build()).getJsonObject("data").getString("jwt"));
            double bareSeconds = (System.nanoTime() - bareStart) / 1e9;
            long bareBytes = bareTokens.stream().mapToLong(t -> 40L + t.length()).sum();
            Simulator.clearJournal();
            long heapBefore = Measure.heapAfterGc();
            HeapHistogram empty = HeapHistogram.take();
            long libraryStart = System.nanoTime();
            List<String> first = parallel(callers, USERS, i -> auth.tokenFor(users.get(i)));
            double librarySeconds = (System.nanoTime() - libraryStart) / 1e9;
            int firstSigns = Simulator.journal(SIGN_PATH).size();
            assertEquals(USERS, firstSigns, "one sign call per user for the first tokens");
            assertEquals(USERS, first.stream().distinct().count(), "every user has a token of their own");
            long heapAfter = Measure.heapAfterGc();
            HeapHistogram cached = HeapHistogram.take();
            double perUserBytes = (double) (heapAfter - heapBefore) / USERS;
            double libraryClassBytes = (double) cached.growthOfPackage(empty, "cx.wonderful.microprofile.") / USERS;

            // The storm's baseline: the same calls on the users' valid tokens, well before any is due for a refresh.
            Samples valid = new Samples();
            Simulator.clearJournal();
            long validStart = System.nanoTime();
            storm(storm, users, valid);
            double validSeconds = (System.nanoTime() - validStart) / 1e9;
            assertEquals(0, Simulator.journal(SIGN_PATH).size(), "no refresh on valid tokens");

            // 2. Revocation storm: every user's token revoked, then CALLS_PER_USER calls per user at once.
            parallel(callers, USERS, i -> {
                RawChat.admin("POST", "/__admin/tokens/revoke", "{\"token\":\"" + first.get(i) + "\"}");
                return null;
            });
            Simulator.clearJournal();
            Samples revoked = new Samples();
            long stormStart = System.nanoTime();
            storm(storm, users, revoked);
            double stormSeconds = (System.nanoTime() - stormStart) / 1e9;
            List<JsonObject> stormSigns = Simulator.journal(SIGN_PATH);
            List<JsonObject> stormLists = Simulator.journal(LIST_PATH);
            List<String> afterStorm = parallel(callers, USERS, i -> auth.tokenFor(users.get(i)));
            assertEquals(USERS, stormSigns.size(), "exactly one refresh per user in the revocation storm (sign calls)");
            for (int i = 0; i < USERS; i++) {
                assertNotEquals(first.get(i), afterStorm.get(i), "user " + i + "'s revoked token was replaced");
            }
            Map<String, Long> okByUser = stormLists.stream().filter(e -> e.getInt("status") == 200)
                    .collect(Collectors.groupingBy(e -> e.getString("sub", ""), Collectors.counting()));
            for (UUID user : users) {
                assertEquals(CALLS_PER_USER, okByUser.getOrDefault(user.toString(), 0L), "every call of " + user + " succeeded as them");
            }
            long refused = stormLists.stream().filter(e -> e.getInt("status") == 401).count();
            // 3. The refresh schedule of the storm's tokens as they near exp.
            Simulator.clearJournal();
            int[] refreshes = new int[USERS];
            watch(callers, users, afterStorm, refreshes);
            List<JsonObject> scheduled = Simulator.journal(SIGN_PATH);
            int scheduleSigns = scheduled.size();
            for (int i = 0; i < USERS; i++) {
                assertEquals(1, refreshes[i], "user " + i + "'s token was refreshed exactly once before its exp");
            }
            assertEquals(USERS, scheduleSigns, "one sign call per user for the scheduled refreshes");
            // Both histograms from the journal's arrival times (one clock): a refresh at a fixed lead before exp
            // would repeat the storm's signing histogram exactly; jitter should flatten it.
            Instant origin = arrival(stormSigns.get(0));
            TreeMap<Long, Integer> signedPerSecond = perSecond(stormSigns, origin);
            TreeMap<Long, Integer> refreshedPerSecond = perSecond(scheduled, origin);
            int peak = Collections.max(refreshedPerSecond.values());
            int stampedePeak = Collections.max(signedPerSecond.values());
            double spread = Duration.between(arrival(scheduled.get(0)), arrival(scheduled.get(scheduled.size() - 1))).toMillis() / 1e3;
            double signingSpread = Duration.between(origin, arrival(stormSigns.get(stormSigns.size() - 1))).toMillis() / 1e3;

            new BenchTable(ID, "7. Many end users (" + USERS + " users, a JWT each)", "library", "baseline")
                    .row("first tokens for " + USERS + " users, " + CALLERS + " threads (s; baseline: bare sign calls)",
                            librarySeconds, bareSeconds, null, null)
                    .fact("sign calls for the first tokens (journal)", String.valueOf(firstSigns), "exactly " + USERS,
                            firstSigns == USERS)
                    .row("heap per cached user (bytes; baseline: the JWT string alone)", perUserBytes, (double) bareBytes / USERS, null, null)
                    .fact("of which the library's own objects (class histogram, bytes per user)", BenchTable.fmt(libraryClassBytes), null, null)
                    .row("revocation storm: " + USERS * CALLS_PER_USER + " calls (" + CALLS_PER_USER + " per user) on revoked tokens (s; "
                            + "baseline: the same on valid tokens)", stormSeconds, validSeconds, null, null)
                    .latency("revocation storm: communications.list as the user", revoked, valid, null, null)
                    .fact("revocation storm: sign calls (journal) / users whose token was replaced / calls refused 401 first",
                            stormSigns.size() + " / " + USERS + " / " + refused, "exactly " + USERS + " / " + USERS, true)
                    .row("refresh schedule: peak refreshes in one second (baseline: peak signs in one second during the storm, "
                            + "which a fixed lead would repeat)", peak, stampedePeak, "spread, not a stampede", peak <= stampedePeak)
                    .row("refresh schedule: first → last refresh (s; baseline: first → last sign of the storm)", spread,
                            signingSpread, null, null)
                    .fact("refresh schedule: sign calls (journal), users refreshed once", scheduleSigns + ", " + USERS,
                            "exactly " + USERS, true)
                    .note("Tokens: WonderfulAuth.tokenFor(entityId) (the per-user cache that chat.as(Identity.endUser(id)) and "
                            + "communications.as(...) use), wonderful.end-user.token-lifetime=" + LIFETIME_SECONDS + "s, wonderful.refresh-skew="
                            + SKEW_SECONDS + "s: each token is refreshed on use once within " + SKEW_SECONDS + " s of its exp plus up to "
                            + SKEW_SECONDS / 2 + " s of jitter.")
                    .note("Heap: MemoryMXBean used heap after full GCs, before and after the " + USERS + " first tokens; baseline: "
                            + "40 bytes + the JWT's length per user (a compact String of it). Largest growth per user by class: "
                            + cached.growthSince(empty, USERS, 6) + ".")
                    .note("Storm: each user's token revoked with the admin API, then " + USERS * CALLS_PER_USER + " calls of "
                            + "communications.as(Identity.endUser(id)).list(limit 1) released at once on " + STORM_THREADS
                            + " threads; a refused call refreshes its user's token (single flight per user) and re-sends.")
                    .note("Schedule: " + CALLERS + " threads read every user's token (tokenFor) in turn, pausing 20 ms after each "
                            + "round, until every token has changed. Per second since the storm's first sign (journal arrival "
                            + "times): signs " + signedPerSecond + "; refreshes " + refreshedPerSecond + ".")
                    .write();
        } finally {
            callers.shutdownNow();
            storm.shutdownNow();
            ((AutoCloseable) bare).close();
        }
    }

    /** One user through the library and one bare sign, so that both paths are loaded before they are timed. */
    private void warmUp(BareApi bare) {
        for (int i = 0; i < 20; i++) {
            UUID user = UUID.randomUUID();
            auth.tokenFor(user);
            communications.as(Identity.endUser(user)).list(query);
            bare.sign(JSON.createObjectBuilder().add("entityId", user.toString()).add("expiresIn", LIFETIME_SECONDS)
                    .add("tenantId", Simulator.TENANT).build());
        }
    }

    /** {@value #CALLS_PER_USER} calls per user as that user, released at once; each call timed. */
    private void storm(ExecutorService threads, List<UUID> users, Samples times) throws Exception {
        int calls = users.size() * CALLS_PER_USER;
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> results = new ArrayList<>(calls);
        for (int i = 0; i < calls; i++) {
            WonderfulCommunications asUser = communications.as(Identity.endUser(users.get(i % users.size())));
            results.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                long start = System.nanoTime();
                int rows = asUser.list(query).data().size();
                times.add(System.nanoTime() - start);
                return rows;
            }, threads));
        }
        go.countDown();
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        for (CompletableFuture<Integer> result : results) {
            assertTrue(result.join() >= 0, "every call succeeded");
        }
    }

    /**
     * Reads every user's token in turn until it has changed once (or {@link #WATCH} has passed). A
     * user is not read again once refreshed, so each read that signs is the one refresh of a user that had none: the
     * journal's sign count then says whether any refresh was made twice.
     */
    private void watch(ExecutorService threads, List<UUID> users, List<String> start, int[] refreshes) throws Exception {
        String[] current = start.toArray(String[]::new);
        long deadline = System.nanoTime() + WATCH.toNanos();
        List<CompletableFuture<Void>> watchers = new ArrayList<>();
        for (int t = 0; t < CALLERS; t++) {
            int slice = t;
            watchers.add(CompletableFuture.runAsync(() -> {
                while (System.nanoTime() < deadline) {
                    boolean allDone = true;
                    for (int i = slice; i < users.size(); i += CALLERS) {
                        if (refreshes[i] > 0) {
                            continue;
                        }
                        String now = auth.tokenFor(users.get(i));
                        if (!now.equals(current[i])) {
                            current[i] = now;
                            refreshes[i]++;
                        }
                        allDone &= refreshes[i] > 0;
                    }
                    if (allDone) {
                        return;
                    }
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, threads));
        }
        CompletableFuture.allOf(watchers.toArray(CompletableFuture[]::new)).get(WATCH.toSeconds() + 60, TimeUnit.SECONDS);
    }

    private static Instant arrival(JsonObject journalEntry) {
        return Instant.parse(journalEntry.getString("time"));
    }

    /** Journal entries per whole second since {@code origin}. */
    private static TreeMap<Long, Integer> perSecond(List<JsonObject> entries, Instant origin) {
        TreeMap<Long, Integer> counts = new TreeMap<>();
        entries.forEach(e -> counts.merge(Duration.between(origin, arrival(e)).toMillis() / 1_000, 1, Integer::sum));
        return counts;
    }

    /** {@code n} calls of {@code call} on {@code threads}, their results in index order. */
    private static <T> List<T> parallel(ExecutorService threads, int n, IntFunction<T> call) throws Exception {
        List<CompletableFuture<T>> futures = IntStream.range(0, n)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> call.apply(i), threads)).toList();
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        return futures.stream().map(CompletableFuture::join).toList();
    }

    @Test
    @Order(2)
    @RunAsClient
    void report() {
        BenchResults.publish(ID);
    }
}
