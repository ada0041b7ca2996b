package cx.wonderful.microprofile.internal.chat;

import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.internal.realtime.TaskScope;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An overall deadline on asynchronous work: {@code outcome} completes as {@code work} does, or fails with the
 * timeout error when {@code limit} passes first; then {@code abandon} stops the work still under way, and what the
 * work produces after that (a session opened too late) is handed to {@code late}, so that nothing it opened is left
 * behind. The timer is a scheduled task, never a waiting
 * thread.
 */
final class Deadline {

    private Deadline() {
    }

    static <T> CompletableFuture<T> bound(CompletionStage<T> work, CompletableFuture<T> outcome, Duration limit,
            TaskScope timers, Supplier<WonderfulException> timeout, Runnable abandon, Consumer<? super T> late) {
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(late, "late");
        TaskScope.Handle timer;
        try {
            timer = timers.schedule(() -> {
                if (outcome.completeExceptionally(timeout.get())) {
                    abandon.run();
                }
            }, limit);
        } catch (RejectedExecutionException e) {
            // The application is stopping: the work itself fails soon, its sockets refused.
            timer = null;
        }
        TaskScope.Handle started = timer;
        work.whenComplete((value, failure) -> {
            if (started != null) {
                started.cancel();
            }
            boolean inTime = failure == null ? outcome.complete(value) : outcome.completeExceptionally(failure);
            if (!inTime && failure == null && value != null) {
                late.accept(value);
            }
        });
        return outcome;
    }
}
