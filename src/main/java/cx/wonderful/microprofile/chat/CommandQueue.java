package cx.wonderful.microprofile.chat;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * One session's commands (send, end), run one after another in call order: a command starts only when the one
 * before it has completed, successfully or not, so that back-to-back sends reach the server in the order they were
 * made. Each command is started exactly once; commands of different sessions run in parallel. Thread-safe.
 */
final class CommandQueue {

    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);

    /**
     * Queues {@code command}; it is invoked (once) after every command queued before it has completed.
     *
     * @return a stage that completes as the command's own stage does (completing it has no effect on the queue)
     */
    synchronized <T> CompletionStage<T> submit(Supplier<? extends CompletionStage<T>> command) {
        Objects.requireNonNull(command, "command");
        CompletableFuture<T> result = new CompletableFuture<>();
        CompletableFuture<?> previous = tail;
        tail = result;
        previous.whenComplete((ignored, failure) -> run(command, result));
        return result.copy();
    }

    private static <T> void run(Supplier<? extends CompletionStage<T>> command, CompletableFuture<T> result) {
        try {
            command.get().whenComplete((value, failure) -> {
                if (failure == null) {
                    result.complete(value);
                } else {
                    result.completeExceptionally(failure);
                }
            });
        } catch (Throwable e) {
            result.completeExceptionally(e);
        }
    }
}
