package cx.wonderful.microprofile.internal.chat;

import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.chat.wire.ChatV3Api;
import cx.wonderful.microprofile.chat.wire.ChatV3Wire;
import cx.wonderful.microprofile.internal.ApiInvoker;
import cx.wonderful.microprofile.internal.CredentialSource;
import cx.wonderful.microprofile.internal.WireContract;
import cx.wonderful.microprofile.internal.telemetry.Telemetry;
import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * The Chat V3 calls of the chat module, each run through the {@link ApiInvoker} (credential refresh, retries,
 * errors) on the chat's command executor, so that many sessions sending at once queue instead of adding threads.
 * A call that creates something (a session, a message) is never re-sent after a failure that may have reached the
 * server. Once the application is stopping, a call fails with {@code SEND_FAILED} and nothing is sent.
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
        return submit(operation, () -> invoker.invoke(operation, credentials, call));
    }

    /** For a session or a message: a failure after the request may have reached the server is reported, never re-sent. */
    private <T> CompletionStage<T> runAtMostOnce(String operation, ApiInvoker.Call<T> call) {
        return submit(operation, () -> invoker.invokeAtMostOnce(operation, credentials, call));
    }

    /** The invocation on the command executor, or on the thread that waits for it if that one gets there first. */
    private <T> CompletionStage<T> submit(String operation, Supplier<T> invocation) {
        try {
            OnceCall<T> call = new OnceCall<>(invocation);
            Telemetry.inCurrentContext(executor).execute(call);
            return call;
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new WonderfulException(ErrorCode.SEND_FAILED,
                    operation + ": not sent, the application is stopping", 0, false, null));
        }
    }

    CompletionStage<ChatV3Wire.Created> create(ValidatedStart start) {
        ChatV3Wire.CreateChat body = new ChatV3Wire.CreateChat(start.agentId(), WireContract.CHAT_COMM_TYPE,
                start.metadata(), start.from(), start.fromType().wireName(), start.to(),
                start.toType() == null ? null : start.toType().wireName(), start.locale());
        return runAtMostOnce("chat.start", credential -> api.get().create(credential, workspaceId, body));
    }

    /** The call's own stage (no stage after it), so that a caller waiting for the send can make the call itself. */
    CompletionStage<Void> send(String sessionId, String text) {
        return runAtMostOnce("chat.send", credential -> {
            api.get().command(credential, workspaceId, sessionId, ChatV3Wire.Command.text(text));
            return null;
        });
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
