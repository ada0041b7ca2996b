package cx.wonderful.microprofile.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Objects;
import java.util.Optional;

/**
 * Puts the credential on every request of one library client: the one the call passed in its
 * {@link Credential#CALL_HEADER} parameter (the identity the caller chose, exactly the credential the
 * {@link ApiInvoker} will report after a 401), else the current one of the client's own {@link CredentialSource}.
 * It goes on the wire as the contract says (shared/wonderful-api.md §2.2): {@code x-api-key} for an API key,
 * {@code Authorization: Bearer} for a token; plus {@code X-Tenant-ID} when a tenant is configured and
 * {@code Accept: application/json} unless the method asks for something else. Registered as an instance on the
 * library's own clients only, never globally.
 */
@Priority(Priorities.AUTHENTICATION)
final class CredentialFilter implements ClientRequestFilter {

    private final CredentialSource source;
    private final Optional<String> tenantId;

    CredentialFilter(CredentialSource source, Optional<String> tenantId) {
        this.source = Objects.requireNonNull(source, "source");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
    }

    @Override
    public void filter(ClientRequestContext request) {
        Object passed = request.getHeaders().getFirst(Credential.CALL_HEADER);
        request.getHeaders().remove(Credential.CALL_HEADER);
        Credential credential = passed == null ? source.current() : Credential.ofCallHeader(passed.toString())
                .orElseThrow(() -> new IllegalStateException("malformed " + Credential.CALL_HEADER + " value"));
        if (credential.kind().isBearer()) {
            // Also covers a token set at run time and a <configKey>/mp-rest/uri override.
            WonderfulSettings.requireSafeForBearer(request.getUri());
        }
        apply(credential, request.getHeaders());
        tenantId.ifPresent(tenant -> request.getHeaders().putSingle(WireContract.HEADER_TENANT_ID, tenant));
        if (!request.getHeaders().containsKey(HttpHeaders.ACCEPT)) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
        }
    }

    /** Writes {@code credential} as its header, and removes the other credential header so only one is ever sent. */
    static void apply(Credential credential, MultivaluedMap<String, Object> headers) {
        if (credential.kind().isBearer()) {
            headers.remove(WireContract.HEADER_API_KEY);
            headers.putSingle(HttpHeaders.AUTHORIZATION, WireContract.BEARER_PREFIX + credential.secret());
        } else {
            headers.remove(HttpHeaders.AUTHORIZATION);
            headers.putSingle(WireContract.HEADER_API_KEY, credential.secret());
        }
    }

    @Override
    public String toString() {
        return "CredentialFilter[" + source + "]";
    }
}
