package cx.wonderful.simulator.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Signs RS256 JWTs with a key pair generated at start-up and verifies them; the public key is published as a JWKS.
 * Claims: {@code iss, sub (= entityId), iat, exp, jti, tenant_id, metadata}; header {@code kid}, {@code typ JWT}.
 */
public final class JwtService {

    /** The key id in the header and the JWKS. */
    public static final String KEY_ID = "wonderful-simulator-rs256";

    private final RSAKey key;
    private final RSASSAVerifier verifier;
    private final String issuer;

    public JwtService(String issuer) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        try {
            this.key = new RSAKeyGenerator(2048).keyID(KEY_ID).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .generate();
            this.verifier = new RSASSAVerifier(key.toRSAPublicKey());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the simulator's RSA key", e);
        }
    }

    /** Signs a JWT for the request, issued at {@code now}. */
    public IssuedJwt issue(SignRequest request, String tenantId, Instant now) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(tenantId, "tenantId");
        Instant issuedAt = Instant.ofEpochSecond(now.getEpochSecond());
        Instant expiresAt = issuedAt.plusSeconds(request.expiresIn());
        String jti = UUID.randomUUID().toString();
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject(request.entityId())
                    .issueTime(Date.from(issuedAt)).expirationTime(Date.from(expiresAt)).jwtID(jti)
                    .claim("tenant_id", tenantId)
                    .claim("metadata", JSONObjectUtils.parse(request.metadata().toString())).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID)
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return new IssuedJwt(jwt.serialize(), expiresAt.getEpochSecond(), request.entityId(), jti);
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException("cannot sign a JWT", e);
        }
    }

    /**
     * The claims of a JWT this simulator signed, if its signature, issuer and {@code exp} (strictly after
     * {@code now}) hold.
     */
    public Optional<JWTClaimsSet> verify(String compact, Instant now) {
        try {
            SignedJWT jwt = SignedJWT.parse(compact);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date exp = claims.getExpirationTime();
            if (!issuer.equals(claims.getIssuer()) || exp == null || !exp.toInstant().isAfter(now)
                    || claims.getSubject() == null) {
                return Optional.empty();
            }
            return Optional.of(claims);
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The {@code jti} of a JWT this simulator signed, expired or not (admin API: revoke or expire it). */
    public Optional<String> idOf(String compact) {
        return verify(compact, Instant.EPOCH).map(JWTClaimsSet::getJWTID);
    }

    /** The public JWKS document. */
    public String jwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }
}
