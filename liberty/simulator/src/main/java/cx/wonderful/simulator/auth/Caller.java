package cx.wonderful.simulator.auth;

import java.util.Objects;

/**
 * An authenticated caller.
 *
 * @param kind the credential it presented
 * @param tenantId its tenant
 * @param subject the end user (JWT {@code sub} or the token's subject), null for an API key
 * @param maskedCredential the credential as the journal shows it
 */
public record Caller(CredentialKind kind, String tenantId, String subject, String maskedCredential) {

    /** The request attribute under which the gateway filter leaves the caller for the resources. */
    public static final String ATTRIBUTE = Caller.class.getName();

    public Caller {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(maskedCredential, "maskedCredential");
    }
}
