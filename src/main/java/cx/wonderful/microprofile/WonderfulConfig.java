package cx.wonderful.microprofile;

import cx.wonderful.microprofile.internal.Credential;
import cx.wonderful.microprofile.internal.CredentialKind;
import cx.wonderful.microprofile.internal.WonderfulSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A read-only view of the library's configuration (the TypeScript SDK's {@code config}), safe to log or show:
 * secrets appear only masked ({@code ****} plus at most their last four characters). A snapshot: a later
 * {@code setToken} or {@code clearAuth} is not reflected in a view taken before. Every key, its default and its
 * environment variable are listed in README's configuration table (written once, in the library's settings table).
 */
public final class WonderfulConfig {

    /** Which credential authenticates the library's calls. */
    public enum CredentialType {
        /** {@code wonderful.api-key}, sent as {@code x-api-key}. */
        API_KEY,
        /** {@code wonderful.signed-token} or a token set with {@code setToken}: a JWT sent as a bearer token. */
        SIGNED_TOKEN,
        /** {@code wonderful.token}: a Wonderful token sent as a bearer token. */
        TOKEN
    }

    private final WonderfulSettings settings;
    private final Optional<CredentialType> credentialType;
    private final Optional<String> maskedCredential;

    private WonderfulConfig(WonderfulSettings settings, Optional<Credential> credential) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.credentialType = credential.map(c -> type(c.kind()));
        this.maskedCredential = credential.map(c -> Credential.mask(c.secret()));
    }

    /** For the library: the view of {@code settings} with {@code credential} as the current credential, if any. */
    public static WonderfulConfig of(WonderfulSettings settings, Optional<Credential> credential) {
        return new WonderfulConfig(settings, credential);
    }

    private static CredentialType type(CredentialKind kind) {
        return switch (kind) {
            case API_KEY -> CredentialType.API_KEY;
            case SIGNED_TOKEN -> CredentialType.SIGNED_TOKEN;
            case TOKEN -> CredentialType.TOKEN;
        };
    }

    /** {@code wonderful.base-url}, without a trailing slash. */
    public URI baseUrl() {
        return settings.baseUrl();
    }

    /** The kind of the current credential; empty when there is none (none configured, or after {@code clearAuth}). */
    public Optional<CredentialType> credentialType() {
        return credentialType;
    }

    /** The current credential, masked. */
    public Optional<String> maskedCredential() {
        return maskedCredential;
    }

    /** Whether {@code wonderful.api-key} is set (needed to sign JWTs). */
    public boolean apiKeyConfigured() {
        return settings.apiKey().isPresent();
    }

    /** {@code wonderful.api-key}, masked. */
    public Optional<String> maskedApiKey() {
        return settings.apiKey().map(Credential::mask);
    }

    /** {@code wonderful.tenant-id}. */
    public Optional<String> tenantId() {
        return settings.tenantId();
    }

    /** {@code wonderful.workspace-id}. */
    public Optional<String> workspaceId() {
        return settings.workspaceId();
    }

    /** {@code wonderful.agent-id}. */
    public Optional<String> agentId() {
        return settings.agentId();
    }

    /** {@code wonderful.request-timeout}; its default is in README's configuration table. */
    public Duration requestTimeout() {
        return settings.requestTimeout();
    }

    /** {@code wonderful.max-retries}; its default is in README's configuration table. */
    public int maxRetries() {
        return settings.maxRetries();
    }

    /** {@code wonderful.retry-delay}; its default is in README's configuration table. */
    public Duration retryDelay() {
        return settings.retryDelay();
    }

    /** {@code wonderful.refresh-skew}; its default is in README's configuration table. */
    public Duration refreshSkew() {
        return settings.refreshSkew();
    }

    /** {@code wonderful.refresh-cooldown}; its default is in README's configuration table. */
    public Duration refreshCooldown() {
        return settings.refreshCooldown();
    }

    @Override
    public String toString() {
        return "WonderfulConfig[baseUrl=" + baseUrl()
                + ", credential=" + credentialType.map(t -> t + " " + maskedCredential.orElse("")).orElse("none")
                + ", apiKey=" + maskedApiKey().orElse("none")
                + ", tenantId=" + tenantId().orElse("none")
                + ", workspaceId=" + workspaceId().orElse("none")
                + ", agentId=" + agentId().orElse("none")
                + ", requestTimeout=" + requestTimeout() + ", maxRetries=" + maxRetries() + ", retryDelay=" + retryDelay()
                + ", refreshSkew=" + refreshSkew() + ", refreshCooldown=" + refreshCooldown() + "]";
    }
}
