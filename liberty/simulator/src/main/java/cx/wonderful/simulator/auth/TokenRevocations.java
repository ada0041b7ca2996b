package cx.wonderful.simulator.auth;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens the admin API revoked or expired. Signed JWTs are tracked by {@code jti} (every JWT the simulator issued
 * is registered with its subject, so revoking a subject revokes exactly the JWTs issued so far, and a refreshed
 * one works); Wonderful tokens by their value.
 */
public final class TokenRevocations {

    /** Why a token is no longer accepted. */
    public enum State {
        REVOKED, EXPIRED
    }

    private final Map<String, String> issuedJwtSubjects = new ConcurrentHashMap<>();
    private final Map<String, State> jwtStates = new ConcurrentHashMap<>();
    private final Map<String, State> tokenStates = new ConcurrentHashMap<>();
    private final Set<String> revokedTokenSubjects = ConcurrentHashMap.newKeySet();

    /** Remembers an issued JWT so that it can be revoked by subject. */
    public void issued(String jti, String subject) {
        issuedJwtSubjects.put(Objects.requireNonNull(jti, "jti"), Objects.requireNonNull(subject, "subject"));
    }

    public void markJwt(String jti, State state) {
        jwtStates.put(Objects.requireNonNull(jti, "jti"), Objects.requireNonNull(state, "state"));
    }

    public void markToken(String token, State state) {
        tokenStates.put(Objects.requireNonNull(token, "token"), Objects.requireNonNull(state, "state"));
    }

    /** Revokes every JWT issued so far for the subject and every Wonderful token of that subject; returns the JWT count. */
    public int revokeSubject(String subject) {
        Objects.requireNonNull(subject, "subject");
        revokedTokenSubjects.add(subject);
        int count = 0;
        for (Map.Entry<String, String> issued : issuedJwtSubjects.entrySet()) {
            if (issued.getValue().equals(subject)) {
                jwtStates.put(issued.getKey(), State.REVOKED);
                count++;
            }
        }
        return count;
    }

    /** The state of a JWT by its jti, or null while it is usable. */
    public State jwtState(String jti) {
        return jti == null ? null : jwtStates.get(jti);
    }

    /** The state of a Wonderful token with its subject, or null while it is usable. */
    public State tokenState(String token, String subject) {
        State state = tokenStates.get(token);
        if (state == null && revokedTokenSubjects.contains(subject)) {
            return State.REVOKED;
        }
        return state;
    }

    /** Forgets every revocation and expiry (and the issued JWTs: they stay valid until their exp). */
    public void reset() {
        jwtStates.clear();
        tokenStates.clear();
        revokedTokenSubjects.clear();
    }
}
