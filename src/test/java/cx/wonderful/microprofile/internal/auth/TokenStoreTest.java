package cx.wonderful.microprofile.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.auth.TokenRefresher;
import cx.wonderful.microprofile.internal.Credential;
import cx.wonderful.microprofile.internal.CredentialKind;
import cx.wonderful.microprofile.internal.TestJwts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenStoreTest {

    private static final String USER = "6f1c2b9e-8d4a-4c1f-a0b3-2e7d9c5f4a10";
    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final Duration COOLDOWN = Duration.ofSeconds(5);
    private static final int THREADS = 64;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private String token(Duration life, String salt) {
        return TestJwts.jwt(USER, clock.instant().plus(life), salt);
    }

    private static Credential signed(String token) {
        return new Credential(CredentialKind.SIGNED_TOKEN, token);
    }

    private TokenStore store(Credential initial, TokenRefresher refresher) {
        return new TokenStore(Optional.ofNullable(initial), Optional.ofNullable(refresher), SKEW, COOLDOWN, clock);
    }

    /** Counts calls and hands out a new token each time, for the same user. */
    private final class Counting implements TokenRefresher {
        final AtomicInteger calls = new AtomicInteger();
        final List<String> entityIds = new java.util.concurrent.CopyOnWriteArrayList<>();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release;

        Counting(boolean blockUntilReleased) {
            this.release = new CountDownLatch(blockUntilReleased ? 1 : 0);
        }

        @Override
        public String refresh(String entityId) {
            int call = calls.incrementAndGet();
            entityIds.add(entityId);
            entered.countDown();
            try {
                assertTrue(release.await(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return TestJwts.jwt(entityId, clock.instant().plus(Duration.ofHours(1)), "refreshed-" + call);
        }
    }

    private <T> List<T> concurrently(int n, Callable<T> task) throws Exception {
        CyclicBarrier start = new CyclicBarrier(n);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return task.call();
            }));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    @Test
    void manyConcurrent401sOnTheSameTokenCauseExactlyOneRefresh() throws Exception {
        Credential old = signed(token(Duration.ofHours(1), "old"));
        Counting refresher = new Counting(true);
        TokenStore store = store(old, refresher);

        List<Future<Credential>> reports = new ArrayList<>();
        CyclicBarrier start = new CyclicBarrier(THREADS);
        for (int i = 0; i < THREADS; i++) {
            reports.add(pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return store.afterUnauthorized(old);
            }));
        }
        assertTrue(refresher.entered.await(30, TimeUnit.SECONDS));
        refresher.release.countDown();
        List<Credential> results = new ArrayList<>();
        for (Future<Credential> report : reports) {
            results.add(report.get(60, TimeUnit.SECONDS));
        }

        assertEquals(1, refresher.calls.get());
        assertEquals(List.of(USER), refresher.entityIds);
        Credential fresh = store.current();
        assertNotEquals(old, fresh);
        assertTrue(results.stream().allMatch(fresh::equals), "everyone re-sends with the one refreshed token");
    }

    @Test
    void manyConcurrentCallersOfAnExpiredTokenCauseExactlyOneRefresh() throws Exception {
        Credential old = signed(token(Duration.ofMinutes(10), "old"));
        Counting refresher = new Counting(false);
        TokenStore store = store(old, refresher);
        clock.advance(Duration.ofMinutes(11));

        List<Credential> results = concurrently(THREADS, store::current);

        assertEquals(1, refresher.calls.get());
        assertEquals(1, results.stream().distinct().count());
        assertNotEquals(old, results.get(0));
    }

    @Test
    void a401OnAnOlderTokenReturnsTheNewerOneWithoutRefreshing() {
        Credential old = signed(token(Duration.ofHours(1), "old"));
        Counting refresher = new Counting(false);
        TokenStore store = store(old, refresher);
        Credential first = store.afterUnauthorized(old);

        Credential again = store.afterUnauthorized(old);

        assertEquals(first, again);
        assertEquals(1, refresher.calls.get());
    }

    @Test
    void aTokenIsRefreshedProactivelyWithinTheSkewAndNotBefore() {
        Credential old = signed(token(Duration.ofMinutes(10), "old"));
        Counting refresher = new Counting(false);
        TokenStore store = store(old, refresher);

        clock.advance(Duration.ofMinutes(10).minus(SKEW).minusSeconds(1));
        assertEquals(old, store.current());
        assertEquals(0, refresher.calls.get());

        clock.advance(Duration.ofSeconds(1));
        Credential fresh = store.current();
        assertNotEquals(old, fresh);
        assertEquals(1, refresher.calls.get());
        assertEquals(fresh, store.current());
        assertEquals(1, refresher.calls.get());
    }

    @Test
    void theSkewIsCappedAtHalfTheLifeOfAShortLivedToken() {
        Credential shortLived = signed(token(Duration.ofSeconds(40), "short"));
        Counting refresher = new Counting(false);
        TokenStore store = store(shortLived, refresher);

        assertEquals(shortLived, store.current(), "a 40 s token is not refreshed at once with a 30 s skew");
        clock.advance(Duration.ofSeconds(19));
        assertEquals(shortLived, store.current());
        assertEquals(0, refresher.calls.get());
        clock.advance(Duration.ofSeconds(1));
        assertNotEquals(shortLived, store.current());
        assertEquals(1, refresher.calls.get());
    }

    @Test
    void aFailedProactiveRefreshKeepsTheValidTokenAndRetriesAfterTheCooldown() {
        Credential old = signed(token(Duration.ofMinutes(10), "old"));
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger failuresLeft = new AtomicInteger(1);
        TokenStore store = store(old, entityId -> {
            calls.incrementAndGet();
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("identity provider down");
            }
            return TestJwts.jwt(entityId, clock.instant().plus(Duration.ofHours(1)), "new");
        });
        clock.advance(Duration.ofMinutes(10).minus(SKEW));

        assertEquals(old, store.current());
        assertEquals(1, calls.get());
        clock.advance(COOLDOWN.minusSeconds(1));
        assertEquals(old, store.current());
        assertEquals(1, calls.get(), "no retry within the cool-down");

        clock.advance(Duration.ofSeconds(1));
        Credential fresh = store.current();
        assertNotEquals(old, fresh);
        assertEquals(2, calls.get());
    }

    @Test
    void anExpiredTokenWhoseRefreshFailsIsATypedErrorCarryingTheCause() {
        Credential old = signed(token(Duration.ofMinutes(1), "old"));
        IllegalStateException cause = new IllegalStateException("identity provider down");
        AtomicInteger calls = new AtomicInteger();
        TokenStore store = store(old, entityId -> {
            calls.incrementAndGet();
            throw cause;
        });
        clock.advance(Duration.ofMinutes(2));

        WonderfulException error = assertThrows(WonderfulException.class, store::current);
        assertEquals(ErrorCode.TOKEN_REFRESH_FAILED, error.code());
        assertSame(cause, error.getCause());

        WonderfulException during = assertThrows(WonderfulException.class, store::current);
        assertEquals(ErrorCode.TOKEN_REFRESH_FAILED, during.code());
        assertEquals(1, calls.get(), "the cool-down also holds for an expired token");
    }

    @Test
    void refresherGarbageIsTokenRefreshFailed() {
        String[] garbage = {null, "", "   ", "not-a-jwt", "a.b", "has space.in.it", "abc.!!!.def",
                TestJwts.jwt(USER, Instant.parse("2025-01-01T00:00:00Z"))};
        for (String returned : garbage) {
            Credential old = signed(token(Duration.ofHours(1), "old"));
            TokenStore store = store(old, entityId -> returned);

            WonderfulException error = assertThrows(WonderfulException.class, () -> store.afterUnauthorized(old),
                    "returned " + returned);

            assertEquals(ErrorCode.TOKEN_REFRESH_FAILED, error.code(), "returned " + returned);
            assertTrue(error.recoverable());
            assertEquals(old, store.current(), "a failed refresh leaves the token as it was");
        }
    }

    @Test
    void aRefresherThatThrowsAWonderfulExceptionIsWrappedWithItsCause() {
        Credential old = signed(token(Duration.ofHours(1), "old"));
        WonderfulException cause = new WonderfulException(ErrorCode.NETWORK_ERROR, "down");
        TokenStore store = store(old, entityId -> {
            throw cause;
        });

        WonderfulException error = assertThrows(WonderfulException.class, () -> store.afterUnauthorized(old));

        assertEquals(ErrorCode.TOKEN_REFRESH_FAILED, error.code());
        assertSame(cause, error.getCause());
    }

    @Test
    void aRefresherThatThrowsAnErrorFailsTheCallerWithItAsTheCause() {
        Credential old = signed(token(Duration.ofHours(1), "old"));
        AssertionError thrown = new AssertionError("a refresher bug");
        TokenStore store = new TokenStore(Optional.of(old), Optional.of(entityId -> {
            throw thrown;
        }), Optional.empty(), new TokenStore.Timing(SKEW, COOLDOWN, Duration.ofSeconds(5), pool, TokenStore.NO_JITTER), clock);

        WonderfulException error = assertThrows(WonderfulException.class, () -> store.afterUnauthorized(old));

        assertEquals(ErrorCode.TOKEN_REFRESH_FAILED, error.code());
        assertSame(thrown, error.getCause(), "failed by the error, not by the refresh timeout: " + error.getMessage());
    }

    @Test
    void everyConcurrentCallerGetsTheTypedRefreshFailure() throws Exception {
        Credential old = signed(token(Duration.ofHours(1), "old"));
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        TokenStore store = store(old, entityId -> {
            calls.incrementAndGet();
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("no");
        });
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<ErrorCode>> outcomes = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            outcomes.add(pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                try {
                    store.afterUnauthorized(old);
                    return null;
                } catch (WonderfulException e) {
                    return e.code();
                }
            }));
        }
        assertTrue(entered.await(30, TimeUnit.SECONDS));
        release.countDown();
        for (Future<ErrorCode> outcome : outcomes) {
            assertEquals(ErrorCode.TOKEN_REFRESH_FAILED, outcome.get(60, TimeUnit.SECONDS));
        }
        assertEquals(old, store.current(), "the refused token stays until a refresh succeeds");
    }

    @Test
    void anApiKeyIsNeverRefreshedAndA401OnItIsUnauthorized() {
        Credential key = new Credential(CredentialKind.API_KEY, "api-key-0123456789abcdef");
        Counting refresher = new Counting(false);
        TokenStore store = store(key, refresher);
        clock.advance(Duration.ofDays(365));

        assertEquals(key, store.current());
        WonderfulException error = assertThrows(WonderfulException.class, () -> store.afterUnauthorized(key));
        assertEquals(ErrorCode.UNAUTHORIZED, error.code());
        assertEquals(401, error.httpStatus().orElse(0));
        assertFalse(error.getMessage().contains(key.secret()));
        assertEquals(0, refresher.calls.get());
    }

    @Test
    void withoutARefresherA401IsUnauthorizedAndAnExpiredTokenIsStillOffered() {
        Credential old = signed(token(Duration.ofMinutes(1), "old"));
        TokenStore store = store(old, null);
        clock.advance(Duration.ofMinutes(5));

        assertEquals(old, store.current(), "the server decides; the client has nothing better to send");
        WonderfulException error = assertThrows(WonderfulException.class, () -> store.afterUnauthorized(old));
        assertEquals(ErrorCode.UNAUTHORIZED, error.code());
        assertFalse(error.getMessage().contains(old.secret()));
    }

    @Test
    void anOpaqueTokenIsRefreshedOnlyOnA401WithNoEntityId() {
        Credential opaque = new Credential(CredentialKind.TOKEN, "opaque-wonderful-token-1");
        List<String> entityIds = new ArrayList<>();
        TokenStore store = store(opaque, entityId -> {
            entityIds.add(entityId);
            return "opaque-wonderful-token-2";
        });
        clock.advance(Duration.ofDays(1));
        assertEquals(opaque, store.current());

        Credential fresh = store.afterUnauthorized(opaque);

        assertEquals(new Credential(CredentialKind.TOKEN, "opaque-wonderful-token-2"), fresh);
        assertEquals(1, entityIds.size());
        assertEquals(null, entityIds.get(0));
    }

    @Test
    void clearAndSetDecideOverAConcurrentRefresh() throws Exception {
        Credential old = signed(token(Duration.ofHours(1), "old"));
        Counting refresher = new Counting(true);
        TokenStore store = store(old, refresher);
        Future<Object> reporting = pool.submit(() -> {
            try {
                return store.afterUnauthorized(old);
            } catch (WonderfulException e) {
                return e;
            }
        });
        assertTrue(refresher.entered.await(30, TimeUnit.SECONDS));

        store.clear();
        refresher.release.countDown();

        WonderfulException error = assertInstanceOf(WonderfulException.class, reporting.get(30, TimeUnit.SECONDS));
        assertEquals(ErrorCode.NOT_AUTHENTICATED, error.code());
        assertTrue(store.isCleared());
        assertEquals(ErrorCode.NOT_AUTHENTICATED, assertThrows(WonderfulException.class, store::current).code());

        Credential set = signed(token(Duration.ofHours(2), "set"));
        store.set(set);
        assertEquals(set, store.current());
    }

    @Test
    void noCredentialAtAllIsAConfigurationError() {
        TokenStore store = store(null, null);
        WonderfulException error = assertThrows(WonderfulException.class, store::current);
        assertEquals(ErrorCode.CONFIGURATION_ERROR, error.code());
    }

    @Test
    void aFailingRefresherIsNotCalledOncePerRefusedRequest() {
        Credential old = signed(token(Duration.ofHours(1), "old"));
        AtomicInteger calls = new AtomicInteger();
        TokenStore store = store(old, entityId -> {
            calls.incrementAndGet();
            throw new IllegalStateException("the backend is down");
        });
        for (int i = 0; i < 10; i++) {
            assertEquals(ErrorCode.TOKEN_REFRESH_FAILED, assertThrows(WonderfulException.class, () -> store.afterUnauthorized(old)).code());
        }
        assertEquals(1, calls.get(), "the cool-down covers the 401 path too");
        clock.advance(COOLDOWN.plusSeconds(1));
        assertThrows(WonderfulException.class, () -> store.afterUnauthorized(old));
        assertEquals(2, calls.get(), "tried again after the cool-down");
    }

    @Test
    void aPersistent401StormOnFiftyConcurrentCallsCostsExactlyOneRefresh() throws Exception {
        Credential old = signed(token(Duration.ofHours(1), "old"));
        Counting refresher = new Counting(false);
        TokenStore store = store(old, refresher);
        // Every call is refused, before and after the refresh: the first wave reports the old token, the re-sends
        // (and any call that started with the new token) report the new one.
        List<Credential> resent = concurrently(50, () -> store.afterUnauthorized(old));
        List<ErrorCode> second = concurrently(50, () -> {
            try {
                store.afterUnauthorized(resent.get(0));
                return null;
            } catch (WonderfulException e) {
                return e.code();
            }
        });
        assertEquals(1, refresher.calls.get());
        assertTrue(second.stream().allMatch(ErrorCode.UNAUTHORIZED::equals), second.toString());
    }
}
