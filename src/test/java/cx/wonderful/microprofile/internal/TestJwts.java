package cx.wonderful.microprofile.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Compact JWTs for tests: a real header and payload, and a dummy signature (the client never verifies it). */
public final class TestJwts {

    private TestJwts() {
    }

    public static String jwt(String subject, Instant expiresAt) {
        return jwt(subject, expiresAt, "sig");
    }

    /** {@code salt} goes into the signature, so that two tokens with the same claims still differ. */
    public static String jwt(String subject, Instant expiresAt, String salt) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String payload = "{" + (subject == null ? "" : "\"sub\":\"" + subject + "\",")
                + "\"exp\":" + expiresAt.getEpochSecond() + "}";
        return b64(header) + "." + b64(payload) + "." + b64("signature-" + salt);
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
