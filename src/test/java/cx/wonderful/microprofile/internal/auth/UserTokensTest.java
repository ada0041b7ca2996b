package cx.wonderful.microprofile.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.auth.TokenRefresher;
import cx.wonderful.microprofile.internal.Credential;
import cx.wonderful.microprofile.internal.CredentialKind;
import cx.wonderful.microprofile.internal.CredentialSource;
import cx.wonderful.microprofile.internal.TestJwts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The end users' token cache: one token per user, bounded, jittered, never past exp, single flight per user. */
class UserTokensTest {

    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final Duration COOLDOWN = Duration.ofSeconds(5);
    private static final Duration LIFETIME = Duration.ofHours(1);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ExecutorService pool = Executors.newFixedThreadPool(64);
    private final RefreshExecutor refreshes = new RefreshExecutor();
    private final Map<String, AtomicInteger> signs = new ConcurrentHashMap<>();

    @AfterEach
    void stop() {
        pool.shutdownNow();
        refreshes.close();
    }

    /** Signs a JWT for the entityId it is given, counting per user. */
    private final TokenRefresher signer = entityId -> {
        int n = signs.computeIfAbsent(entityId, k -> new AtomicInteger()).incrementAndGet();
        return TestJwts.jwt(entityId, clock.instant().plus(LIFETIME), "sign-" + n);
    };

    private UserTokens cache(TokenRefresher refresher, int maxUsers, Duration idle, DoubleSupplier jitter) {
        return new UserTokens(Optional.of(refresher), new TokenStore.Timing(SKEW, COOLDOWN, Duration.ofSeconds(10), refreshes,
                jitter), maxUsers, idle, clock);
    }

    private int signsOf(UUID user) {
        return signs.getOrDefault(user.toString(), new AtomicInteger()).get();
    }

    @Test
    void aUsersTokenIsSignedOnceForThemAndKept() {
        UserTokens users = cache(signer, 10, Duration.ofHours(1), TokenStore.NO_JITTER);
        UUID alice = UUID.randomUUID();
        Credential first = users.source(alice).current();
        assertEquals(CredentialKind.SIGNED_TOKEN, first.kind());
        assertEquals(first, users.source(alice).current());
        assertEquals(1, signsOf(alice));
        assertNotEquals(first, users.source(UUID.randomUUID()).current(), "another user, another token");
    }

    @Test
    void concurrentCallsOfOneUserCauseOneSignAndOfTwentyUsersTwenty() throws Exception {
        UserTokens users = cache(signer, 100, Duration.ofHours(1), TokenStore.NO_JITTER);
        List<UUID> twenty = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            twenty.add(UUID.randomUUID());
        }
        CyclicBarrier start = new CyclicBarrier(60);
        List<Future<Credential>> calls = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            UUID user = twenty.get(i % 20);
            calls.add(pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return users.source(user).current();
            }));
        }
        for (Future<Credential> call : calls) {
            call.get(30, TimeUnit.SECONDS);
        }
        for (UUID user : twenty) {
            assertEquals(1, signsOf(user), "single flight per user");
        }
    }

    @Test
    void aRefusedTokenIsReplacedOnceForManyRefusedCalls() throws Exception {
        UserTokens users = cache(signer, 10, Duration.ofHours(1), TokenStore.NO_JITTER);
        UUID user = UUID.randomUUID();
        CredentialSource source = users.source(user);
        Credential refused = source.current();
        CyclicBarrier start = new CyclicBarrier(50);
        List<Future<Credential>> reports = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            reports.add(pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return source.afterUnauthorized(refused);
            }));
        }
        List<Credential> resent = new ArrayList<>();
        for (Future<Credential> report : reports) {
            resent.add(report.get(30, TimeUnit.SECONDS));
        }
        Credential fresh = source.current();
        assertTrue(resent.stream().allMatch(fresh::equals), "every refused call re-sends with the one replacement");
        assertNotEquals(refused, fresh);
        assertEquals(2, signsOf(user), "the first token and one replacement");
        WonderfulException again = assertThrows(WonderfulException.class, () -> source.afterUnauthorized(fresh));
        assertEquals(ErrorCode.UNAUTHORIZED, again.code(), "a replacement refused at once is not replaced again");
        assertEquals(2, signsOf(user));
    }

    @Test
    void theCacheIsBoundedLeastRecentlyUsedFirst() {
        UserTokens users = cache(signer, 3, Duration.ofHours(1), TokenStore.NO_JITTER);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID d = UUID.randomUUID();
        users.source(a).current();
        users.source(b).current();
        users.source(c).current();
        users.source(a).current(); // a is now the most recently used
        users.source(d).current(); // evicts b
        assertEquals(3, users.size());
        users.source(a).current();
        users.source(c).current();
        assertEquals(1, signsOf(a));
        assertEquals(1, signsOf(c));
        users.source(b).current();
        assertEquals(2, signsOf(b), "b was evicted, so it gets a new token");
    }

    @Test
    void aUserIdleForTheIdleTimeIsDropped() {
        UserTokens users = cache(signer, 10, Duration.ofMinutes(10), TokenStore.NO_JITTER);
        UUID idle = UUID.randomUUID();
        UUID busy = UUID.randomUUID();
        users.source(idle).current();
        users.source(busy).current();
        clock.advance(Duration.ofMinutes(6));
        users.source(busy).current();
        clock.advance(Duration.ofMinutes(6));
        users.source(busy).current();
        assertEquals(1, users.size(), "only the busy user is left");
        users.source(idle).current();
        assertEquals(2, signsOf(idle));
        assertEquals(1, signsOf(busy));
    }

    @Test
    void aTokenIsNeverServedPastItsExp() {
        AtomicInteger calls = new AtomicInteger();
        TokenRefresher failingAfterFirst = entityId -> {
            if (calls.incrementAndGet() > 1) {
                throw new IllegalStateException("the backend is down");
            }
            return TestJwts.jwt(entityId, clock.instant().plus(Duration.ofMinutes(5)), "only");
        };
        UserTokens users = cache(failingAfterFirst, 10, Duration.ofHours(1), TokenStore.NO_JITTER);
        UUID user = UUID.randomUUID();
        Credential only = users.source(user).current();
        clock.advance(Duration.ofMinutes(4).plusSeconds(45)); // within the skew: refresh fails, the valid token is kept
        assertEquals(only, users.source(user).current());
        clock.advance(Duration.ofSeconds(20)); // past exp
        WonderfulException expired = assertThrows(WonderfulException.class, () -> users.source(user).current());
        assertEquals(ErrorCode.TOKEN_REFRESH_FAILED, expired.code());
    }

    @Test
    void jitterSpreadsTheRefreshPointsOverHalfTheLeadBeforeIt() {
        // The lead is the skew (30 s); jitter 0.99 moves the refresh point up to 15 s earlier.
        UserTokens early = cache(signer, 10, Duration.ofHours(1), () -> 0.99);
        UserTokens exact = cache(signer, 10, Duration.ofHours(1), TokenStore.NO_JITTER);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Credential earlyFirst = early.source(a).current();
        Credential exactFirst = exact.source(b).current();
        clock.advance(LIFETIME.minus(SKEW).minusSeconds(10)); // 40 s before exp
        assertNotEquals(earlyFirst, early.source(a).current(), "jittered: already refreshed 40 s before exp");
        assertEquals(exactFirst, exact.source(b).current(), "no jitter: refreshed only 30 s before exp");
        clock.advance(Duration.ofSeconds(11));
        assertNotEquals(exactFirst, exact.source(b).current());
    }

    @Test
    void aRefresherGivingAnotherUsersTokenIsRefused() {
        UUID mallory = UUID.randomUUID();
        UserTokens users = cache(entityId -> TestJwts.jwt(mallory.toString(), clock.instant().plus(LIFETIME)), 10,
                Duration.ofHours(1), TokenStore.NO_JITTER);
        WonderfulException error = assertThrows(WonderfulException.class, () -> users.source(UUID.randomUUID()).current());
        assertEquals(ErrorCode.TOKEN_REFRESH_FAILED, error.code());
        assertTrue(error.getMessage().contains("sub"), error.getMessage());
    }

    @Test
    void withoutAnythingToGetATokenActingAsAUserIsAConfigurationError() {
        UserTokens users = new UserTokens(Optional.empty(), new TokenStore.Timing(SKEW, COOLDOWN, Duration.ofSeconds(1),
                refreshes, TokenStore.NO_JITTER), 10, Duration.ofHours(1), clock);
        WonderfulException error = assertThrows(WonderfulException.class, () -> users.source(UUID.randomUUID()));
        assertEquals(ErrorCode.CONFIGURATION_ERROR, error.code());
    }

    @Test
    void aHangingRefresherFailsItsCallersWithinTheTimeout() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        TokenRefresher hanging = entityId -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("interrupted");
        };
        UserTokens users = new UserTokens(Optional.of(hanging), new TokenStore.Timing(SKEW, COOLDOWN, Duration.ofMillis(300),
                refreshes, TokenStore.NO_JITTER), 10, Duration.ofHours(1), clock);
        CredentialSource source = users.source(UUID.randomUUID());
        long started = System.nanoTime();
        WonderfulException error = assertThrows(WonderfulException.class, source::current);
        assertEquals(ErrorCode.TOKEN_REFRESH_FAILED, error.code());
        assertTrue(error.getMessage().contains("did not answer"), error.getMessage());
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(20), "bounded by the timeout, not the refresher");
        WonderfulException cooling = assertThrows(WonderfulException.class, source::current);
        assertEquals(ErrorCode.TOKEN_REFRESH_FAILED, cooling.code(), "the cool-down answers at once");
    }

    @Test
    void aRefresherCallingBackIntoTheLibraryForTheSameUserFailsTypedInsteadOfDeadlocking() throws Exception {
        AtomicInteger reentered = new AtomicInteger();
        CredentialSource[] self = new CredentialSource[1];
        TokenRefresher reentrant = entityId -> {
            reentered.incrementAndGet();
            return self[0].current().secret(); // waits for the very refresh it is part of
        };
        UserTokens users = new UserTokens(Optional.of(reentrant), new TokenStore.Timing(SKEW, COOLDOWN, Duration.ofMillis(300),
                refreshes, TokenStore.NO_JITTER), 10, Duration.ofHours(1), clock);
        self[0] = users.source(UUID.randomUUID());
        WonderfulException error = assertThrows(WonderfulException.class, self[0]::current);
        assertEquals(ErrorCode.TOKEN_REFRESH_FAILED, error.code());
        assertEquals(1, reentered.get());
    }
}
