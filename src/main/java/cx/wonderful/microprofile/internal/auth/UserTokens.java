package cx.wonderful.microprofile.internal.auth;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.auth.TokenRefresher;
import cx.wonderful.microprofile.internal.Credential;
import cx.wonderful.microprofile.internal.CredentialKind;
import cx.wonderful.microprofile.internal.CredentialSource;
import cx.wonderful.microprofile.internal.Setting;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The end users' tokens: one {@link TokenStore} per entityId (single flight, proactive refresh with jitter, refresh
 * on 401, cool-down, bounded wait for the refresher), in a cache bounded in size ({@code wonderful.end-user.cache-size})
 * and idle time ({@code wonderful.end-user.cache-idle}): the least recently used user goes first when it is full, and
 * a user not seen for the idle time is dropped. A dropped user simply gets a new token at the next call. The stores
 * themselves never hand out a token past its {@code exp}.
 */
final class UserTokens {

    private final Optional<TokenRefresher> refresher;
    private final TokenStore.Timing timing;
    private final int maxUsers;
    private final Duration idle;
    private final Clock clock;
    private final LinkedHashMap<UUID, Entry> users = new LinkedHashMap<>(16, 0.75f, true);

    /**
     * @param refresher gives an end user's JWT for their entityId (the application's {@link TokenRefresher}, or
     *        signing with the API key); empty when neither is there, so that only held JWTs can act as a user
     */
    UserTokens(Optional<TokenRefresher> refresher, TokenStore.Timing timing, int maxUsers, Duration idle, Clock clock) {
        this.refresher = Objects.requireNonNull(refresher, "refresher");
        this.timing = Objects.requireNonNull(timing, "timing");
        if (maxUsers < 1) {
            throw new IllegalArgumentException("maxUsers must be at least 1: " + maxUsers);
        }
        this.maxUsers = maxUsers;
        this.idle = Objects.requireNonNull(idle, "idle");
        if (idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("idle must be positive: " + idle);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The credential source of end user {@code entityId}: their cached JWT, obtained and refreshed as needed.
     *
     * @throws WonderfulException {@code CONFIGURATION_ERROR} when nothing can obtain a token for an end user
     */
    CredentialSource source(UUID entityId) {
        Objects.requireNonNull(entityId, "entityId");
        if (refresher.isEmpty()) {
            throw new WonderfulException(ErrorCode.CONFIGURATION_ERROR, "acting as end user " + entityId
                    + " needs a way to get their JWT: configure " + Setting.API_KEY.key()
                    + " (the library signs one) or provide a TokenRefresher bean, or pass a JWT you hold"
                    + " (Identity.endUser(entityId, jwt))");
        }
        return new UserSource(entityId);
    }

    /** A source that starts with {@code jwt}, held by the application, and refreshes like the cached ones. */
    CredentialSource held(UUID entityId, String jwt) {
        return new TokenStore(Optional.of(new Credential(CredentialKind.SIGNED_TOKEN, jwt)), refresher,
                Optional.of(entityId), timing, clock);
    }

    /** How many users are cached now. */
    synchronized int size() {
        return users.size();
    }

    private synchronized TokenStore store(UUID entityId) {
        Instant now = clock.instant();
        evictIdle(now);
        Entry entry = users.get(entityId);
        if (entry == null) {
            entry = new Entry(new TokenStore(Optional.empty(), refresher, Optional.of(entityId), timing, clock));
            users.put(entityId, entry);
            if (users.size() > maxUsers) {
                Iterator<UUID> eldest = users.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
        }
        entry.lastUsed = now;
        return entry.store;
    }

    private void evictIdle(Instant now) {
        Instant cutoff = now.minus(idle);
        // Access order: the eldest entries come first, so the scan stops at the first one still in use.
        for (Iterator<Map.Entry<UUID, Entry>> it = users.entrySet().iterator(); it.hasNext();) {
            if (it.next().getValue().lastUsed.isAfter(cutoff)) {
                return;
            }
            it.remove();
        }
    }

    private static final class Entry {
        final TokenStore store;
        Instant lastUsed;

        Entry(TokenStore store) {
            this.store = store;
        }
    }

    /** One end user's view of the cache; looks the user up on every call, so eviction is always honoured. */
    private final class UserSource implements CredentialSource {
        private final UUID entityId;

        UserSource(UUID entityId) {
            this.entityId = entityId;
        }

        @Override
        public Credential current() {
            return store(entityId).current();
        }

        @Override
        public Credential afterUnauthorized(Credential used) {
            return store(entityId).afterUnauthorized(used);
        }

        @Override
        public String toString() {
            return "UserTokens[" + entityId + "]";
        }
    }
}
