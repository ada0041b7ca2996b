package cx.wonderful.microprofile.internal.chat;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * One session's commands (send, end), run one after another in call order: a command starts only when the one
 * before it has completed, successfully or not, so that back-to-back sends reach the server in the order they were
 * made. Each command is started exactly once; commands of different sessions run in parallel. A thread that waits
 * for a returned stage ({@code get}, {@code join}) once its command has started runs the command's
 * {@link OnceCall} itself if no command thread has picked it up yet. Thread-safe.
 */
final class CommandQueue {

    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);

    /**
     * Queues {@code command}; it is invoked (once) after every command queued before it has completed.
     *
     * @return a stage that completes as the command's own stage does (completing it has no effect on the queue)
     */
    synchronized <T> CompletionStage<T> submit(Supplier<? extends CompletionStage<T>> command) {
        return submit(command, (value, failure) -> { });
    }

    /**
     * {@link #submit(Supplier)}, with {@code outcome} run on the command's result before the returned stage
     * completes (what {@code whenComplete} on that stage would do, but keeping the stage the one a waiting thread
     * can make the call through).
     */
    synchronized <T> CompletionStage<T> submit(Supplier<? extends CompletionStage<T>> command,
            BiConsumer<? super T, ? super Throwable> outcome) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(outcome, "outcome");
        CompletableFuture<T> result = new CompletableFuture<>();
        Awaited<T> awaited = new Awaited<>();
        CompletableFuture<?> previous = tail;
        tail = result;
        previous.whenComplete((ignored, failure) -> run(command, result, awaited));
        result.whenComplete((value, failure) -> {
            try {
                outcome.accept(value, failure);
            } catch (Throwable e) {
                awaited.completeExceptionally(failure != null ? failure : e);
                return;
            }
            if (failure == null) {
                awaited.complete(value);
            } else {
                awaited.completeExceptionally(failure);
            }
        });
        return awaited;
    }

    private static <T> void run(Supplier<? extends CompletionStage<T>> command, CompletableFuture<T> result, Awaited<T> awaited) {
        try {
            CompletionStage<T> stage = command.get();
            if (stage instanceof OnceCall<?> call) {
                awaited.call = call;
            }
            stage.whenComplete((value, failure) -> {
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

    /** The caller's stage: waiting for it first offers to make the command's call on the waiting thread. */
    private static final class Awaited<T> extends CompletableFuture<T> {

        private volatile OnceCall<?> call;

        @Override
        public T get() throws InterruptedException, ExecutionException {
            help();
            return super.get();
        }

        @Override
        public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
            help();
            return super.get(timeout, unit);
        }

        @Override
        public T join() {
            help();
            return super.join();
        }

        private void help() {
            OnceCall<?> started = call;
            if (started != null && !isDone()) {
                started.run();
            }
        }
    }
}
