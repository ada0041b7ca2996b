package cx.wonderful.microprofile.internal.auth;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.auth.JwtSignApi;
import cx.wonderful.microprofile.auth.SignRequest;
import cx.wonderful.microprofile.auth.SignResponse;
import cx.wonderful.microprofile.auth.TokenRefresher;
import cx.wonderful.microprofile.internal.ApiInvoker;
import cx.wonderful.microprofile.internal.Credential;
import cx.wonderful.microprofile.internal.CredentialKind;
import cx.wonderful.microprofile.internal.FixedCredential;
import cx.wonderful.microprofile.internal.RestClients;
import cx.wonderful.microprofile.internal.Setting;
import cx.wonderful.microprofile.internal.WonderfulSettings;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Signs JWTs with the configured API key. Its client carries the API key itself and never consults the token store,
 * so signing a token to refresh another one cannot recurse into a refresh.
 */
class JwtSigner {

    static final String OPERATION = "auth.sign";

    private final WonderfulSettings settings;
    private final RestClients clients;
    private final ApiInvoker invoker;
    private volatile Signing signing;

    JwtSigner(WonderfulSettings settings, RestClients clients, ApiInvoker invoker) {
        this.settings = settings;
        this.clients = clients;
        this.invoker = invoker;
    }

    /**
     * @throws WonderfulException {@code INVALID_REQUEST} without {@code wonderful.api-key}; {@code UNAUTHORIZED} when
     *         the server refuses the key; {@code NETWORK_ERROR} after the retries; the server's validation errors
     */
    SignResponse sign(SignRequest request) {
        Signing with = signing();
        UUID id = request.id().orElseGet(UUID::randomUUID);
        JsonObject body = SignWire.body(id, request);
        JsonObject response = invoker.invoke(OPERATION, with.credential, () -> with.client.sign(body));
        return SignWire.response(response, id);
    }

    /** {@link #sign} on another thread; every failure, validation included, completes the stage exceptionally. */
    CompletionStage<SignResponse> signAsync(SignRequest request) {
        Signing with;
        try {
            with = signing();
        } catch (WonderfulException e) {
            return CompletableFuture.failedFuture(e);
        }
        UUID id = request.id().orElseGet(UUID::randomUUID);
        JsonObject body = SignWire.body(id, request);
        return invoker.invokeAsync(OPERATION, with.credential, () -> with.client.sign(body))
                .thenApply(response -> SignWire.response(response, id));
    }

    /** The default {@link TokenRefresher}: a new JWT, default lifetime, for the same end user. */
    String refresh(String entityId) {
        return refresh(entityId, null);
    }

    /** A new JWT for end user {@code entityId}, valid for {@code lifetime} (the default when {@code null}). */
    String refresh(String entityId, Duration lifetime) {
        if (entityId == null) {
            throw new WonderfulException(ErrorCode.TOKEN_REFRESH_FAILED,
                    "the token has no subject (sub), so there is no end user to sign a new token for");
        }
        SignRequest.Builder request = SignRequest.builder();
        try {
            request.id(entityId);
        } catch (WonderfulException e) {
            throw new WonderfulException(ErrorCode.TOKEN_REFRESH_FAILED,
                    "the token's subject is not a UUID, so a new token cannot be signed for it", e);
        }
        settings.tenantId().ifPresent(request::tenantId);
        if (lifetime != null) {
            request.expiresInSeconds(lifetime.toSeconds());
        }
        return sign(request.build()).jwt();
    }

    boolean canSign() {
        return settings.apiKey().isPresent();
    }

    private Signing signing() {
        Signing current = signing;
        if (current == null) {
            String apiKey = settings.apiKey().orElseThrow(() -> new WonderfulException(ErrorCode.INVALID_REQUEST,
                    "signing a JWT needs an API key: configure " + Setting.API_KEY.key() + " (environment variable "
                            + Setting.API_KEY.envName() + ")"));
            FixedCredential credential = new FixedCredential(new Credential(CredentialKind.API_KEY, apiKey));
            current = new Signing(credential, clients.create(JwtSignApi.class, JwtSignApi.CONFIG_KEY, credential));
            signing = current;
        }
        return current;
    }

    /** The API key and the client that sends it; built once, on the first sign. */
    private record Signing(FixedCredential credential, JwtSignApi client) {
    }
}
