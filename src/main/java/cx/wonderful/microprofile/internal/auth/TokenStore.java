package cx.wonderful.microprofile.internal.auth;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.auth.TokenRefresher;
import cx.wonderful.microprofile.internal.Credential;
import cx.wonderful.microprofile.internal.CredentialKind;
import cx.wonderful.microprofile.internal.CredentialSource;
import cx.wonderful.microprofile.internal.LogMessage;
import cx.wonderful.microprofile.internal.Setting;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;
import java.util.logging.Logger;

/**
 * The credential of one identity and its refresh policy: the application's configured credential, or one end
 * user's JWT. Holds the current credential with the {@code exp} and {@code sub} of a JWT, and refreshes a token
 * through a {@link TokenRefresher}:
 * <ul>
 * <li><b>single flight</b>: however many callers find the same token expired or refused at once, the refresher runs
 * once and they all get its result (a shared in-flight future; no lock is held while it runs);</li>
 * <li><b>bounded</b>: the refresher runs on the refresh executor and every caller waits for it at most
 * {@code refresh-timeout}, then fails with {@code TOKEN_REFRESH_FAILED}; so a refresher that hangs, or calls back
 * into the library for the very token it is renewing, fails its callers instead of blocking them;</li>
 * <li><b>proactive</b>: a token is refreshed before use once it is within {@code refresh-skew} of its {@code exp},
 * plus a random part of up to half that lead (jitter, so that many users' tokens do not all refresh in the same
 * second); the lead is capped at half the token's remaining life when it was obtained, so a short-lived token is not
 * refreshed over and over. If that refresh fails while the token is still valid, the old token is used;</li>
 * <li><b>on 401</b>: {@link #afterUnauthorized} refreshes only if the refused token is still the current one, else
 * returns the newer one;</li>
 * <li><b>cool-down</b>: after a failed refresh, on either path, the refresher is not called again for
 * {@code refresh-cooldown}: callers get that failure at once. A token that was itself obtained by a refresh after a
 * 401, and is refused again within the cool-down, is not refreshed again ({@code UNAUTHORIZED}): a server that
 * refuses everything costs one refresh, not one per refused request.</li>
 * </ul>
 * An API key is never refreshed; a token without {@code exp} (an opaque token) only on a 401. The store of an end
 * user ({@code endUser} present) starts without a token, obtains the first one from the refresher, and accepts only
 * JWTs whose {@code sub} is that user. A token is never handed out past its {@code exp}.
 */
final class TokenStore implements CredentialSource {

    private static final Logger LOG = Logger.getLogger(TokenStore.class.getName());
    /** No jitter: the refresh point is exactly {@code exp - lead}. */
    static final DoubleSupplier NO_JITTER = () -> 0;

    private final Clock clock;
    private final Duration skew;
    private final Duration cooldown;
    private final Duration refreshTimeout;
    private final Executor refreshRunner;
    private final DoubleSupplier jitter;
    private final Optional<TokenRefresher> refresher;
    private final String endUser;
    private final AtomicReference<State> state;
    private final AtomicReference<CompletableFuture<State>> inFlight = new AtomicReference<>();
    private volatile Cooldown coolingDown;

    /** An application store whose refresher runs on the calling thread, without jitter: for tests. */
    TokenStore(Optional<Credential> initial, Optional<TokenRefresher> refresher, Duration skew, Duration cooldown, Clock clock) {
        this(initial, refresher, Optional.empty(), new Timing(skew, cooldown, Duration.ofSeconds(30), Runnable::run, NO_JITTER),
                clock);
    }

    /**
     * @param initial the configured credential, if any
     * @param refresher what renews a token, if anything can
     * @param endUser the entityId of the end user this store holds tokens for; empty for the application
     */
    TokenStore(Optional<Credential> initial, Optional<TokenRefresher> refresher, Optional<UUID> endUser, Timing timing,
            Clock clock) {
        this.refresher = Objects.requireNonNull(refresher, "refresher");
        this.endUser = Objects.requireNonNull(endUser, "endUser").map(UUID::toString).orElse(null);
        Objects.requireNonNull(timing, "timing");
        this.skew = requireNotNegative(timing.skew(), "skew");
        this.cooldown = requireNotNegative(timing.cooldown(), "cooldown");
        this.refreshTimeout = requireNotNegative(timing.refreshTimeout(), "refreshTimeout");
        this.refreshRunner = Objects.requireNonNull(timing.refreshRunner(), "refreshRunner");
        this.jitter = Objects.requireNonNull(timing.jitter(), "jitter");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.state = new AtomicReference<>(Objects.requireNonNull(initial, "initial").map(c -> stateOf(c, false))
                .orElse(State.NONE));
    }

    /**
     * How a store refreshes: the proactive lead, the cool-down after a failure, how long a caller waits for the
     * refresher, where the refresher runs, and the jitter source (a value in {@code [0, 1)}).
     */
    record Timing(Duration skew, Duration cooldown, Duration refreshTimeout, Executor refreshRunner, DoubleSupplier jitter) {
    }

    @Override
    public Credential current() {
        State s = state.get();
        if (s == State.NONE && endUser != null && refresher.isPresent()) {
            return refreshUnlessCooling(s, true).credential; // an end user's first token
        }
        s = usable(s);
        if (s.expiresAt == null || refresher.isEmpty() || !s.credential.kind().isBearer()) {
            return s.credential;
        }
        Instant now = clock.instant();
        if (now.isBefore(s.refreshAt)) {
            return s.credential;
        }
        boolean expired = !now.isBefore(s.expiresAt);
        State old = s;
        try {
            return refreshUnlessCooling(s, expired).credential;
        } catch (WonderfulException e) {
            if (expired || e.code() == ErrorCode.NOT_AUTHENTICATED) {
                throw e;
            }
            LogMessage.PROACTIVE_REFRESH_FAILED.log(LOG, old.describe(), cooldown, e.getMessage());
            return old.credential;
        }
    }

    @Override
    public Credential afterUnauthorized(Credential used) {
        Objects.requireNonNull(used, "used");
        State s = usable(state.get());
        if (!used.kind().isBearer()) {
            throw new WonderfulException(ErrorCode.UNAUTHORIZED, "the server refused the API key (HTTP 401); check "
                    + Setting.API_KEY.key(), 401, false, null);
        }
        if (!used.equals(s.credential)) {
            return s.credential; // someone already replaced the refused token: re-send with the newer one
        }
        if (refresher.isEmpty()) {
            throw new WonderfulException(ErrorCode.UNAUTHORIZED, "the server refused the " + s.describe()
                    + " (HTTP 401) and nothing can refresh it: provide a TokenRefresher bean or configure "
                    + Setting.API_KEY.key(), 401, false, null);
        }
        if (s.afterUnauthorized && clock.instant().isBefore(s.obtainedAt.plus(cooldown))) {
            throw new WonderfulException(ErrorCode.UNAUTHORIZED, "the server refused the " + s.describe()
                    + " (HTTP 401), itself just refreshed after a 401; not refreshing again within " + cooldown,
                    401, false, null);
        }
        return refreshUnlessCooling(s, true, true).credential;
    }

    /** {@link #refresh}, unless a refresh of {@code s} failed less than the cool-down ago: then that failure. */
    private State refreshUnlessCooling(State s, boolean mustSucceed) {
        return refreshUnlessCooling(s, mustSucceed, false);
    }

    private State refreshUnlessCooling(State s, boolean mustSucceed, boolean afterUnauthorized) {
        Instant now = clock.instant();
        Cooldown cooling = coolingDown;
        if (cooling != null && cooling.state == s && now.isBefore(cooling.until)) {
            if (mustSucceed) {
                throw refreshFailed((s.credential == null ? "no token yet" : "the " + s.describe() + " needs a refresh")
                        + " and the last refresh, less than " + cooldown + " ago, failed: " + cooling.failure.getMessage(),
                        cooling.failure);
            }
            throw cooling.failure;
        }
        try {
            return refresh(s, afterUnauthorized);
        } catch (WonderfulException e) {
            coolingDown = new Cooldown(s, now.plus(cooldown), e);
            throw e;
        }
    }

    /** Replaces the credential, as the SDK's {@code setToken}. */
    void set(Credential credential) {
        state.set(stateOf(Objects.requireNonNull(credential, "credential"), false));
    }

    /** Forgets the credential; until the next {@link #set}, every call fails with {@code NOT_AUTHENTICATED}. */
    void clear() {
        state.set(State.CLEARED);
    }

    boolean isCleared() {
        return state.get() == State.CLEARED;
    }

    /** The current credential without refreshing it, for the configuration view. */
    Optional<Credential> peek() {
        return Optional.ofNullable(state.get().credential);
    }

    /**
     * Runs the refresher once for {@code expected} on the refresh executor, or joins the refresh already running,
     * or returns a newer state; waits at most the refresh timeout either way.
     */
    private State refresh(State expected, boolean afterUnauthorized) {
        CompletableFuture<State> mine = new CompletableFuture<>();
        while (true) {
            State now = state.get();
            if (now != expected) {
                return usable(now);
            }
            CompletableFuture<State> running = inFlight.compareAndExchange(null, mine);
            if (running != null) {
                return join(running);
            }
            break;
        }
        try {
            refreshRunner.execute(() -> runFlight(expected, afterUnauthorized, mine));
        } catch (RuntimeException e) {
            mine.completeExceptionally(refreshFailed("the token refresh could not be started: " + e, e));
        }
        try {
            return join(mine);
        } finally {
            // A timed-out flight is over for everyone: the next caller starts a new one (after the cool-down).
            mine.completeExceptionally(refreshFailed("the token refresh was abandoned", null));
            inFlight.compareAndSet(mine, null);
        }
    }

    private void runFlight(State expected, boolean afterUnauthorized, CompletableFuture<State> flight) {
        try {
            // Checked again now that the flight runs: a refresh may have finished just before.
            State latest = state.get();
            State result = latest != expected ? latest : runRefresher(expected, afterUnauthorized);
            if (flight.isDone()) {
                return; // abandoned after the timeout: its callers have already failed
            }
            if (result != latest && !state.compareAndSet(expected, result)) {
                result = state.get(); // set or cleared meanwhile: that decision wins over this refresh
            }
            flight.complete(result);
        } catch (RuntimeException e) {
            flight.completeExceptionally(e);
        } catch (Error e) {
            // The callers fail now, not when the refresh timeout ends their wait; the error goes on up this thread.
            flight.completeExceptionally(refreshFailed("the token refresher threw " + e.getClass().getName(), e));
            throw e;
        }
    }

    private State runRefresher(State old, boolean afterUnauthorized) {
        String subject = endUser != null ? endUser : old.subject;
        String fresh;
        try {
            fresh = refresher.orElseThrow().refresh(subject);
        } catch (WonderfulException e) {
            if (e.code() == ErrorCode.TOKEN_REFRESH_FAILED) {
                throw e;
            }
            throw refreshFailed("the token refresher failed: " + e.code() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw refreshFailed("the token refresher threw " + e.getClass().getName(), e);
        }
        CredentialKind kind = old.credential == null ? CredentialKind.SIGNED_TOKEN : old.credential.kind();
        State next = checked(kind, fresh, afterUnauthorized);
        LOG.fine(() -> "refreshed the " + old.describe() + "; now " + next.describe());
        return next;
    }

    /** The state of a refreshed token, or TOKEN_REFRESH_FAILED when it is not one. */
    private State checked(CredentialKind kind, String fresh, boolean afterUnauthorized) {
        if (fresh == null || fresh.isBlank()) {
            throw refreshFailed("the token refresher returned no token", null);
        }
        if (!fresh.equals(fresh.strip()) || fresh.chars().anyMatch(c -> c <= ' ' || c == 127)) {
            throw refreshFailed("the token refresher returned a value with whitespace or control characters", null);
        }
        if (kind == CredentialKind.SIGNED_TOKEN && JwtClaims.parse(fresh).isEmpty()) {
            throw refreshFailed("the token refresher returned something that is not a JWT", null);
        }
        if (endUser != null && !JwtClaims.parse(fresh).flatMap(JwtClaims::subject).map(endUser::equalsIgnoreCase).orElse(false)) {
            throw refreshFailed("the token refresher returned a JWT that is not end user " + endUser + "'s (its sub differs)", null);
        }
        State next = stateOf(new Credential(kind, fresh), afterUnauthorized);
        if (next.expiresAt != null && !clock.instant().isBefore(next.expiresAt)) {
            throw refreshFailed("the token refresher returned a token that has already expired (exp " + next.expiresAt + ")", null);
        }
        return next;
    }

    private State stateOf(Credential credential, boolean afterUnauthorized) {
        Optional<JwtClaims> claims = credential.kind().isBearer() ? JwtClaims.parse(credential.secret()) : Optional.empty();
        Instant exp = claims.flatMap(JwtClaims::expiresAt).orElse(null);
        Instant refreshAt = null;
        if (exp != null) {
            Duration remaining = Duration.between(clock.instant(), exp);
            Duration lead = remaining.isNegative() ? Duration.ZERO : min(skew, remaining.dividedBy(2));
            Duration spread = Duration.ofMillis((long) (lead.toMillis() / 2.0 * jitter.getAsDouble()));
            refreshAt = exp.minus(lead).minus(spread);
        }
        return new State(credential, exp, refreshAt, claims.flatMap(JwtClaims::subject).orElse(null), clock.instant(),
                afterUnauthorized);
    }

    private static State usable(State s) {
        if (s == State.CLEARED) {
            throw new WonderfulException(ErrorCode.NOT_AUTHENTICATED,
                    "authentication was cleared with clearAuth(); call setToken(...) first");
        }
        if (s.credential == null) {
            throw new WonderfulException(ErrorCode.CONFIGURATION_ERROR, "no credential is configured: set "
                    + Setting.API_KEY.key() + ", " + Setting.SIGNED_TOKEN.key() + " or " + Setting.TOKEN.key() + ", or call setToken(...)");
        }
        return s;
    }

    private State join(CompletableFuture<State> future) {
        try {
            return usable(future.get(refreshTimeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw refreshFailed("the token refresher failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw refreshFailed("the token refresher did not answer within " + refreshTimeout + " ("
                    + Setting.REFRESH_TIMEOUT.key() + "); a refresher must not wait for the library's own calls", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refreshFailed("interrupted while waiting for the token refresher", e);
        }
    }

    private static WonderfulException refreshFailed(String message, Throwable cause) {
        return new WonderfulException(ErrorCode.TOKEN_REFRESH_FAILED, message, 0, true, cause);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration requireNotNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
        return value;
    }

    /** One credential with what is known about it; compared by identity, so every set or refresh is a new state. */
    private static final class State {
        static final State NONE = new State(null, null, null, null, Instant.EPOCH, false);
        static final State CLEARED = new State(null, null, null, null, Instant.EPOCH, false);

        final Credential credential;
        final Instant expiresAt;
        final Instant refreshAt;
        final String subject;
        final Instant obtainedAt;
        /** Whether this token replaced one the server refused (HTTP 401). */
        final boolean afterUnauthorized;

        State(Credential credential, Instant expiresAt, Instant refreshAt, String subject, Instant obtainedAt,
                boolean afterUnauthorized) {
            this.credential = credential;
            this.expiresAt = expiresAt;
            this.refreshAt = refreshAt;
            this.subject = subject;
            this.obtainedAt = obtainedAt;
            this.afterUnauthorized = afterUnauthorized;
        }

        /** Kind, subject and expiry: what a log line may say about a token. */
        String describe() {
            return (credential == null ? "no credential" : credential.kind() + " token")
                    + (subject == null ? "" : " of " + subject) + (expiresAt == null ? "" : " (exp " + expiresAt + ")");
        }
    }

    /** A failed refresh of {@code state}: not tried again before {@code until}. */
    private record Cooldown(State state, Instant until, WonderfulException failure) {
    }
}
