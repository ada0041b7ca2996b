package cx.wonderful.microprofile;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A read-only view of the library's configuration (the TypeScript SDK's {@code config}), safe to log or show:
 * secrets appear only masked ({@code ****} plus at most their last four characters). A snapshot: a later
 * {@code setToken} or {@code clearAuth} is not reflected in a view taken before. Every key, its default and its
 * environment variable are listed in README's configuration table (written once, in the library's settings table).
 * Made by {@link cx.wonderful.microprofile.auth.WonderfulAuth#config()}.
 *
 * @param baseUrl {@code wonderful.base-url}, without a trailing slash and without user information
 * @param credentialType the kind of the current credential; empty when there is none (none configured, or after
 *        {@code clearAuth})
 * @param maskedCredential the current credential, masked
 * @param maskedApiKey {@code wonderful.api-key}, masked; empty when it is not set
 * @param tenantId {@code wonderful.tenant-id}; empty when it is not set
 * @param workspaceId {@code wonderful.workspace-id}; empty when it is not set
 * @param agentId {@code wonderful.agent-id}; empty when it is not set
 * @param requestTimeout {@code wonderful.request-timeout} (default 30 s)
 * @param maxRetries {@code wonderful.max-retries} (default 3)
 * @param retryDelay {@code wonderful.retry-delay} (default 1 s)
 * @param refreshSkew {@code wonderful.refresh-skew} (default 30 s)
 * @param refreshCooldown {@code wonderful.refresh-cooldown} (default 5 s)
 */
public record WonderfulConfig(URI baseUrl, Optional<CredentialType> credentialType, Optional<String> maskedCredential,
        Optional<String> maskedApiKey, Optional<String> tenantId, Optional<String> workspaceId, Optional<String> agentId,
        Duration requestTimeout, int maxRetries, Duration retryDelay, Duration refreshSkew, Duration refreshCooldown) {

    /** Which credential authenticates the library's calls. */
    public enum CredentialType {
        /** {@code wonderful.api-key}, sent as {@code x-api-key}. */
        API_KEY,
        /** {@code wonderful.signed-token} or a token set with {@code setToken}: a JWT sent as a bearer token. */
        SIGNED_TOKEN,
        /** {@code wonderful.token}: a Wonderful token sent as a bearer token. */
        TOKEN
    }

    /**
     * Checks that no component is null.
     *
     * @param baseUrl {@code wonderful.base-url}
     * @param credentialType the kind of the current credential
     * @param maskedCredential the current credential, masked
     * @param maskedApiKey {@code wonderful.api-key}, masked
     * @param tenantId {@code wonderful.tenant-id}
     * @param workspaceId {@code wonderful.workspace-id}
     * @param agentId {@code wonderful.agent-id}
     * @param requestTimeout {@code wonderful.request-timeout}
     * @param maxRetries {@code wonderful.max-retries}
     * @param retryDelay {@code wonderful.retry-delay}
     * @param refreshSkew {@code wonderful.refresh-skew}
     * @param refreshCooldown {@code wonderful.refresh-cooldown}
     * @throws NullPointerException when a component is null
     */
    public WonderfulConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(credentialType, "credentialType");
        Objects.requireNonNull(maskedCredential, "maskedCredential");
        Objects.requireNonNull(maskedApiKey, "maskedApiKey");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retryDelay, "retryDelay");
        Objects.requireNonNull(refreshSkew, "refreshSkew");
        Objects.requireNonNull(refreshCooldown, "refreshCooldown");
    }

    /**
     * Whether {@code wonderful.api-key} is set (needed to sign JWTs).
     *
     * @return true when an API key is configured
     */
    public boolean apiKeyConfigured() {
        return maskedApiKey.isPresent();
    }

    @Override
    public String toString() {
        return "WonderfulConfig[baseUrl=" + baseUrl
                + ", credential=" + credentialType.map(t -> t + " " + maskedCredential.orElse("")).orElse("none")
                + ", apiKey=" + maskedApiKey.orElse("none")
                + ", tenantId=" + tenantId.orElse("none")
                + ", workspaceId=" + workspaceId.orElse("none")
                + ", agentId=" + agentId.orElse("none")
                + ", requestTimeout=" + requestTimeout + ", maxRetries=" + maxRetries + ", retryDelay=" + retryDelay
                + ", refreshSkew=" + refreshSkew + ", refreshCooldown=" + refreshCooldown + "]";
    }
}
