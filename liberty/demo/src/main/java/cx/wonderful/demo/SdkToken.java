package cx.wonderful.demo;

import cx.wonderful.microprofile.auth.SignResponse;

/**
 * The body of {@code POST /api/sdk-token} and {@code /api/refresh-sdk-token}, as the seed's token endpoint returns
 * it: the signed JWT, its expiry in unix seconds, and the end user's id.
 */
public record SdkToken(String token, long expiresAt, String id) {

    static SdkToken of(SignResponse signed) {
        return new SdkToken(signed.jwt(), signed.expiresAtEpochSecond(), signed.id().toString());
    }

    /** Never shows the token: records print every component by default. */
    @Override
    public String toString() {
        return "SdkToken[expiresAt=" + expiresAt + ", id=" + id + "]";
    }
}
