package cx.wonderful.microprofile.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.auth.Identity;
import cx.wonderful.microprofile.internal.CredentialKind;
import cx.wonderful.microprofile.internal.InboundToken;
import cx.wonderful.microprofile.internal.NamedConfig;
import cx.wonderful.microprofile.internal.TestConfigs;
import cx.wonderful.microprofile.internal.TestJwts;
import cx.wonderful.microprofile.internal.WonderfulSettings;
import cx.wonderful.microprofile.internal.telemetry.Telemetry;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Resolving identities: the inbound token, and the typed errors when it cannot be done, before any call. */
class IdentitySourcesTest {

    private final RefreshExecutor refreshes = new RefreshExecutor();

    @AfterEach
    void stop() {
        refreshes.close();
    }

    private IdentitySources sources(Supplier<Optional<InboundToken>> inbound, String... config) {
        WonderfulSettings settings = WonderfulSettings.from(TestConfigs.of(config));
        return IdentitySources.create(settings, Optional.empty(), new JwtSigner(settings, null, null), refreshes, inbound,
                Clock.systemUTC(), Telemetry.off());
    }

    private static InboundToken seen(String token) {
        InboundToken holder = new InboundToken();
        holder.set(token);
        return holder;
    }

    private static ErrorCode codeOf(Runnable call) {
        return assertThrows(WonderfulException.class, call::run).code();
    }

    @Test
    void propagationWithoutAnInboundTokenIsATypedErrorNeverTheApiKey() {
        String[] config = {"wonderful.base-url", "http://localhost:1", "wonderful.api-key", "k-123"};
        assertEquals(ErrorCode.NOT_AUTHENTICATED, codeOf(() -> sources(Optional::empty, config).sourceFor(Identity.inboundToken())));
        assertEquals(ErrorCode.NOT_AUTHENTICATED,
                codeOf(() -> sources(() -> Optional.of(new InboundToken()), config).sourceFor(Identity.inboundToken())));
        assertEquals(ErrorCode.NOT_AUTHENTICATED,
                codeOf(() -> sources(() -> Optional.of(seen(null)), config).sourceFor(Identity.inboundToken())));
    }

    @Test
    void theInboundTokenIsUsedAsItIsWithItsKind() {
        String[] config = {"wonderful.base-url", "http://localhost:1", "wonderful.api-key", "k-123"};
        assertEquals(CredentialKind.TOKEN, sources(() -> Optional.of(seen("opaque-sso-token")), config)
                .sourceFor(Identity.inboundToken()).current().kind());
        String jwt = TestJwts.jwt(UUID.randomUUID().toString(), Instant.now().plusSeconds(600));
        assertEquals(jwt, sources(() -> Optional.of(seen(jwt)), config).sourceFor(Identity.inboundToken()).current().secret());
    }

    @Test
    void aBearerNeverGoesInClearToAnotherHost() {
        String[] config = {"wonderful.base-url", "http://api.example.com", "wonderful.api-key", "k-123"};
        assertEquals(ErrorCode.CONFIGURATION_ERROR,
                codeOf(() -> sources(() -> Optional.of(seen("t")), config).sourceFor(Identity.inboundToken())));
        assertEquals(ErrorCode.CONFIGURATION_ERROR,
                codeOf(() -> sources(Optional::empty, config).sourceFor(Identity.endUser(UUID.randomUUID()))));
    }

    @Test
    void actingAsAUserWithNothingToGetTheirTokenIsAConfigurationError() {
        IdentitySources sources = sources(Optional::empty, "wonderful.base-url", "http://localhost:1", "wonderful.token", "t");
        assertEquals(ErrorCode.CONFIGURATION_ERROR, codeOf(() -> sources.sourceFor(Identity.endUser(UUID.randomUUID()))));
        assertEquals(ErrorCode.VALIDATION_ERROR, codeOf(() -> sources.sourceFor(null)));
    }

    @Test
    void anUnknownOrMalformedClientNameIsAConfigurationError() {
        Config config = TestConfigs.of("wonderful.base-url", "http://localhost:1", "wonderful.tenant-b.base-url",
                "http://localhost:2");
        assertEquals(ErrorCode.CONFIGURATION_ERROR, codeOf(() -> cx.wonderful.microprofile.internal.core.ConfiguredClient.named(null, config, "tenant-c", java.util.Optional.empty())));
        assertEquals(ErrorCode.CONFIGURATION_ERROR, codeOf(() -> cx.wonderful.microprofile.internal.core.ConfiguredClient.named(null, config, "Tenant_B", java.util.Optional.empty())));
        assertEquals(ErrorCode.CONFIGURATION_ERROR, codeOf(() -> cx.wonderful.microprofile.internal.core.ConfiguredClient.named(null, config, "ws", java.util.Optional.empty())));
        assertEquals(ErrorCode.CONFIGURATION_ERROR, codeOf(() -> cx.wonderful.microprofile.internal.core.ConfiguredClient.named(null, config, "", java.util.Optional.empty())));
    }

    @Test
    void aNamedClientHasItsOwnCredentialAndTenantAndSharesTheRest() {
        Config config = TestConfigs.of("wonderful.base-url", "http://localhost:1", "wonderful.api-key", "key-a",
                "wonderful.tenant-id", "acme", "wonderful.request-timeout", "7s",
                "wonderful.tenant-b.base-url", "http://localhost:2", "wonderful.tenant-b.api-key", "key-b",
                "wonderful-chat/mp-rest/url", "http://localhost:3");
        NamedConfig named = new NamedConfig(config, "tenant-b");
        WonderfulSettings settings = WonderfulSettings.from(named);
        assertEquals("http://localhost:2", settings.baseUrl().toString());
        assertEquals(Optional.of("key-b"), settings.apiKey());
        assertEquals(Optional.empty(), settings.tenantId(), "the tenant never falls back to the unnamed client's");
        assertEquals(7, settings.requestTimeout().toSeconds(), "other settings do");
        assertEquals(Optional.empty(), named.getOptionalValue("wonderful-chat/mp-rest/url", String.class));
    }
}
