package cx.wonderful.simulator.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import cx.wonderful.simulator.accounts.Accounts;
import cx.wonderful.simulator.jwt.JwtService;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks the credential of a request or WebSocket handshake: an API key ({@code x-api-key}), a JWT this simulator
 * signed ({@code Authorization: Bearer <jwt>}: signature, exp, not revoked or expired by the admin API) or a
 * Wonderful token ({@code Bearer <token>}: known, not revoked or expired). On a handshake the credential travels in
 * {@code Sec-WebSocket-Protocol: <apikey|jwt|token>, <secret>}.
 */
public final class Authenticator {

    private static final String BEARER = "bearer ";

    private final Accounts accounts;
    private final JwtService jwts;
    private final TokenRevocations revocations;
    private final Clock clock;

    public Authenticator(Accounts accounts, JwtService jwts, TokenRevocations revocations, Clock clock) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.jwts = Objects.requireNonNull(jwts, "jwts");
        this.revocations = Objects.requireNonNull(revocations, "revocations");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Checks the HTTP headers: {@code x-api-key} wins over {@code Authorization} when both are present. */
    public AuthResult http(String apiKeyHeader, String authorizationHeader) {
        if (apiKeyHeader != null && !apiKeyHeader.isBlank()) {
            return check(CredentialKind.API_KEY, apiKeyHeader.trim());
        }
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return AuthResult.refused(null, "", "missing credential: send x-api-key or Authorization: Bearer");
        }
        String value = authorizationHeader.trim();
        if (!value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return AuthResult.refused(null, "", "the Authorization header must use the Bearer scheme");
        }
        String secret = value.substring(BEARER.length()).trim();
        return check(looksLikeJwt(secret) ? CredentialKind.SIGNED_TOKEN : CredentialKind.TOKEN, secret);
    }

    /** Checks the values of the {@code Sec-WebSocket-Protocol} header(s): the scheme name, then the secret. */
    public AuthResult webSocket(List<String> protocolHeaders) {
        List<String> protocols = new ArrayList<>();
        for (String header : protocolHeaders) {
            for (String part : header.split(",")) {
                if (!part.isBlank()) {
                    protocols.add(part.trim());
                }
            }
        }
        if (protocols.size() != 2) {
            return AuthResult.refused(null, "",
                    "missing credential: send Sec-WebSocket-Protocol: <apikey|jwt|token>, <secret>");
        }
        CredentialKind kind = CredentialKind.ofProtocol(protocols.get(0));
        if (kind == null) {
            return AuthResult.refused(null, Secrets.mask(protocols.get(1)),
                    "unknown credential scheme: use apikey, jwt or token");
        }
        return check(kind, protocols.get(1));
    }

    /** Checks one credential of a known kind. */
    public AuthResult check(CredentialKind kind, String secret) {
        String masked = Secrets.mask(secret);
        return switch (kind) {
            case API_KEY -> accounts.tenantOfApiKey(secret)
                    .map(tenant -> AuthResult.accepted(new Caller(kind, tenant, null, masked)))
                    .orElseGet(() -> AuthResult.refused(kind, masked, "invalid API key"));
            case SIGNED_TOKEN -> checkJwt(secret, masked);
            case TOKEN -> checkToken(secret, masked);
        };
    }

    private AuthResult checkJwt(String secret, String masked) {
        Optional<JWTClaimsSet> verified = jwts.verify(secret, clock.instant());
        if (verified.isEmpty()) {
            return AuthResult.refused(CredentialKind.SIGNED_TOKEN, masked, "invalid or expired token");
        }
        JWTClaimsSet claims = verified.get();
        TokenRevocations.State state = revocations.jwtState(claims.getJWTID());
        if (state != null) {
            return AuthResult.refused(CredentialKind.SIGNED_TOKEN, masked, refusal(state));
        }
        String tenant;
        try {
            tenant = claims.getStringClaim("tenant_id");
        } catch (ParseException e) {
            tenant = null;
        }
        if (tenant == null) {
            return AuthResult.refused(CredentialKind.SIGNED_TOKEN, masked, "the token has no tenant_id");
        }
        return AuthResult.accepted(new Caller(CredentialKind.SIGNED_TOKEN, tenant, claims.getSubject(), masked));
    }

    private AuthResult checkToken(String secret, String masked) {
        Optional<Accounts.TokenOwner> owner = accounts.ownerOfToken(secret);
        if (owner.isEmpty()) {
            return AuthResult.refused(CredentialKind.TOKEN, masked, "invalid token");
        }
        TokenRevocations.State state = revocations.tokenState(secret, owner.get().subject());
        if (state != null) {
            return AuthResult.refused(CredentialKind.TOKEN, masked, refusal(state));
        }
        return AuthResult.accepted(
                new Caller(CredentialKind.TOKEN, owner.get().tenantId(), owner.get().subject(), masked));
    }

    private static String refusal(TokenRevocations.State state) {
        return state == TokenRevocations.State.EXPIRED ? "token expired" : "token revoked";
    }

    private static boolean looksLikeJwt(String secret) {
        return secret.chars().filter(c -> c == '.').count() == 2;
    }
}
