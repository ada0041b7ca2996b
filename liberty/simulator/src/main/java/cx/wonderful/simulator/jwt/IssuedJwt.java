package cx.wonderful.simulator.jwt;

import java.util.Objects;

/**
 * A JWT the simulator signed.
 *
 * @param jwt the compact serialization
 * @param expiresAt its {@code exp}, epoch seconds
 * @param entityId its {@code sub}
 * @param jti its {@code jti}
 */
public record IssuedJwt(String jwt, long expiresAt, String entityId, String jti) {

    public IssuedJwt {
        Objects.requireNonNull(jwt, "jwt");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(jti, "jti");
    }
}
