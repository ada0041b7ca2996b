package cx.wonderful.microprofile.chat;

import cx.wonderful.microprofile.chat.wire.ChatV3Api;
import cx.wonderful.microprofile.chat.wire.ChatV3Wire;
import cx.wonderful.microprofile.internal.ApiInvoker;
import cx.wonderful.microprofile.internal.CredentialSource;
import cx.wonderful.microprofile.internal.WireContract;
import cx.wonderful.microprofile.telemetry.Telemetry;
import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The Chat V3 calls of the chat module, each run through the {@link ApiInvoker} (credential refresh, retries,
 * errors) on the chat's own bounded pool, so that many sessions sending at once queue instead of adding threads.
 */
final class ChatCommands {

    private final ApiInvoker invoker;
    private final CredentialSource credentials;
    private final Supplier<ChatV3Api> api;
    private final String workspaceId;
    private final Executor executor;

    /** @param credentials the identity every call of this session runs as */
    ChatCommands(ApiInvoker invoker, CredentialSource credentials, Supplier<ChatV3Api> api, String workspaceId,
            Executor executor) {
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.api = Objects.requireNonNull(api, "api");
        this.workspaceId = Objects.requireNonNull(workspaceId, "workspaceId");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    private <T> CompletionStage<T> run(String operation, ApiInvoker.Call<T> call) {
        return CompletableFuture.supplyAsync(() -> invoker.invoke(operation, credentials, call), Telemetry.inCurrentContext(executor));
    }

    /** For a message: a failure after the request may have reached the server is reported, never re-sent blindly. */
    private <T> CompletionStage<T> runAtMostOnce(String operation, ApiInvoker.Call<T> call) {
        return CompletableFuture.supplyAsync(() -> invoker.invokeAtMostOnce(operation, credentials, call), Telemetry.inCurrentContext(executor));
    }

    CompletionStage<ChatV3Wire.Created> create(ValidatedStart start) {
        ChatV3Wire.CreateChat body = new ChatV3Wire.CreateChat(start.agentId(), WireContract.CHAT_COMM_TYPE,
                start.metadata(), start.from(), start.fromType().wireName(), start.to(),
                start.toType() == null ? null : start.toType().wireName(), start.locale());
        return run("chat.start", credential -> api.get().create(credential, workspaceId, body));
    }

    CompletionStage<Void> send(String sessionId, String text) {
        return runAtMostOnce("chat.send", credential -> api.get().command(credential, workspaceId, sessionId, ChatV3Wire.Command.text(text)))
                .thenApply(answer -> null);
    }

    CompletionStage<Void> end(String sessionId) {
        return run("chat.end", credential -> api.get().command(credential, workspaceId, sessionId, ChatV3Wire.Command.end()))
                .thenApply(answer -> null);
    }

    /** One page of events after {@code cursor}, without long poll. */
    CompletionStage<JsonObject> events(String sessionId, String cursor) {
        return run("chat.recover", credential -> api.get().events(credential, workspaceId, sessionId, cursor,
                WireContract.CHAT_EVENTS_PAGE_LIMIT, 0));
    }
}
