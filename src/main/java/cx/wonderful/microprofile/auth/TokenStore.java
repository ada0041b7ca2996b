package cx.wonderful.microprofile.auth;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.internal.ConfigKeys;
import cx.wonderful.microprofile.internal.Credential;
import cx.wonderful.microprofile.internal.CredentialKind;
import cx.wonderful.microprofile.internal.CredentialSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * The credential of the library's calls and its refresh policy. Holds the current credential with the {@code exp}
 * and {@code sub} of a JWT, and refreshes a token through a {@link TokenRefresher}:
 * <ul>
 * <li><b>single flight</b>: however many callers find the same token expired or refused at once, the refresher runs
 * once and they all get its result (a shared in-flight future; no lock is held while it runs);</li>
 * <li><b>proactive</b>: a token within {@code refresh-skew} of its {@code exp} is refreshed before use (the skew is
 * capped at half the token's remaining life when it was obtained, so a short-lived token is not refreshed over and
 * over); if that refresh fails while the token is still valid, the old token is used and no refresh is tried again
 * for {@code refresh-cooldown};</li>
 * <li><b>on 401</b>: {@link #afterUnauthorized} refreshes only if the refused token is still the current one, else
 * returns the newer one.</li>
 * </ul>
 * An API key is never refreshed; a token without {@code exp} (an opaque token) only on a 401.
 */
final class TokenStore implements CredentialSource {

    private static final Logger LOG = Logger.getLogger(TokenStore.class.getName());

    private final Clock clock;
    private final Duration skew;
    private final Duration cooldown;
    private final Optional<TokenRefresher> refresher;
    private final AtomicReference<State> state;
    private final AtomicReference<CompletableFuture<State>> inFlight = new AtomicReference<>();
    private volatile Cooldown coolingDown;

    /**
     * @param initial the configured credential, if any
     * @param refresher what renews a token, if anything can
     */
    TokenStore(Optional<Credential> initial, Optional<TokenRefresher> refresher, Duration skew, Duration cooldown, Clock clock) {
        this.refresher = Objects.requireNonNull(refresher, "refresher");
        this.skew = requireNotNegative(skew, "skew");
        this.cooldown = requireNotNegative(cooldown, "cooldown");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.state = new AtomicReference<>(Objects.requireNonNull(initial, "initial").map(this::stateOf).orElse(State.NONE));
    }

    @Override
    public Credential current() {
        State s = usable(state.get());
        if (s.expiresAt == null || refresher.isEmpty() || !s.credential.kind().isBearer()) {
            return s.credential;
        }
        Instant now = clock.instant();
        if (now.isBefore(s.refreshAt)) {
            return s.credential;
        }
        boolean expired = !now.isBefore(s.expiresAt);
        Cooldown cooling = coolingDown;
        if (cooling != null && cooling.state == s && now.isBefore(cooling.until)) {
            if (expired) {
                throw refreshFailed("the token has expired and its last refresh failed: " + cooling.failure.getMessage(),
                        cooling.failure);
            }
            return s.credential;
        }
        try {
            return refresh(s).credential;
        } catch (WonderfulException e) {
            coolingDown = new Cooldown(s, now.plus(cooldown), e);
            if (expired || e.code() == ErrorCode.NOT_AUTHENTICATED) {
                throw e;
            }
            LOG.warning(() -> "proactive refresh of the " + s.describe() + " failed; using it until it expires, next try in "
                    + cooldown + ": " + e.getMessage());
            return s.credential;
        }
    }

    @Override
    public Credential afterUnauthorized(Credential used) {
        Objects.requireNonNull(used, "used");
        State s = usable(state.get());
        if (!used.kind().isBearer()) {
            throw new WonderfulException(ErrorCode.UNAUTHORIZED, "the server refused the API key (HTTP 401); check "
                    + ConfigKeys.API_KEY, 401, false, null);
        }
        if (!used.equals(s.credential)) {
            return s.credential; // someone already replaced the refused token: re-send with the newer one
        }
        if (refresher.isEmpty()) {
            throw new WonderfulException(ErrorCode.UNAUTHORIZED, "the server refused the " + s.describe()
                    + " (HTTP 401) and nothing can refresh it: provide a TokenRefresher bean or configure "
                    + ConfigKeys.API_KEY, 401, false, null);
        }
        return refresh(s).credential;
    }

    /** Replaces the credential, as the SDK's {@code setToken}. */
    void set(Credential credential) {
        state.set(stateOf(Objects.requireNonNull(credential, "credential")));
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

    /** Runs the refresher once for {@code expected}, or joins the refresh already running, or returns a newer state. */
    private State refresh(State expected) {
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
            // Checked again now that this thread owns the flight: a refresh may have finished just before.
            State latest = state.get();
            State result = latest != expected ? latest : runRefresher(expected);
            if (result != latest && !state.compareAndSet(expected, result)) {
                result = state.get(); // set or cleared meanwhile: that decision wins over this refresh
            }
            mine.complete(result);
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
        } finally {
            inFlight.compareAndSet(mine, null);
        }
        return join(mine);
    }

    private State runRefresher(State old) {
        String subject = old.subject;
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
        State next = checked(old.credential.kind(), fresh);
        LOG.fine(() -> "refreshed the " + old.describe() + "; now " + next.describe());
        return next;
    }

    /** The state of a refreshed token, or TOKEN_REFRESH_FAILED when it is not one. */
    private State checked(CredentialKind kind, String fresh) {
        if (fresh == null || fresh.isBlank()) {
            throw refreshFailed("the token refresher returned no token", null);
        }
        if (!fresh.equals(fresh.strip()) || fresh.chars().anyMatch(c -> c <= ' ' || c == 127)) {
            throw refreshFailed("the token refresher returned a value with whitespace or control characters", null);
        }
        if (kind == CredentialKind.SIGNED_TOKEN && JwtClaims.parse(fresh).isEmpty()) {
            throw refreshFailed("the token refresher returned something that is not a JWT", null);
        }
        State next = stateOf(new Credential(kind, fresh));
        if (next.expiresAt != null && !clock.instant().isBefore(next.expiresAt)) {
            throw refreshFailed("the token refresher returned a token that has already expired (exp " + next.expiresAt + ")", null);
        }
        return next;
    }

    private State stateOf(Credential credential) {
        Optional<JwtClaims> claims = credential.kind().isBearer() ? JwtClaims.parse(credential.secret()) : Optional.empty();
        Instant exp = claims.flatMap(JwtClaims::expiresAt).orElse(null);
        Instant refreshAt = null;
        if (exp != null) {
            Duration remaining = Duration.between(clock.instant(), exp);
            Duration lead = remaining.isNegative() ? Duration.ZERO : min(skew, remaining.dividedBy(2));
            refreshAt = exp.minus(lead);
        }
        return new State(credential, exp, refreshAt, claims.flatMap(JwtClaims::subject).orElse(null));
    }

    private static State usable(State s) {
        if (s == State.CLEARED) {
            throw new WonderfulException(ErrorCode.NOT_AUTHENTICATED,
                    "authentication was cleared with clearAuth(); call setToken(...) first");
        }
        if (s.credential == null) {
            throw new WonderfulException(ErrorCode.CONFIGURATION_ERROR, "no credential is configured: set "
                    + ConfigKeys.API_KEY + ", " + ConfigKeys.SIGNED_TOKEN + " or " + ConfigKeys.TOKEN + ", or call setToken(...)");
        }
        return s;
    }

    private static State join(CompletableFuture<State> future) {
        try {
            return usable(future.join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
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
        static final State NONE = new State(null, null, null, null);
        static final State CLEARED = new State(null, null, null, null);

        final Credential credential;
        final Instant expiresAt;
        final Instant refreshAt;
        final String subject;

        State(Credential credential, Instant expiresAt, Instant refreshAt, String subject) {
            this.credential = credential;
            this.expiresAt = expiresAt;
            this.refreshAt = refreshAt;
            this.subject = subject;
        }

        /** Kind, subject and expiry: what a log line may say about a token. */
        String describe() {
            return (credential == null ? "no credential" : credential.kind() + " token")
                    + (subject == null ? "" : " of " + subject) + (expiresAt == null ? "" : " (exp " + expiresAt + ")");
        }
    }

    /** A failed proactive refresh of {@code state}: not tried again before {@code until}. */
    private record Cooldown(State state, Instant until, WonderfulException failure) {
    }
}
