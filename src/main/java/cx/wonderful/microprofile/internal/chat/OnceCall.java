package cx.wonderful.microprofile.internal.chat;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A blocking call handed to the command executor that runs exactly once: on the executor's thread, or on a thread
 * that is about to wait for it ({@link CommandQueue}) if it gets there first. A caller that sends and then waits
 * thus makes the request itself instead of waking a command thread and being woken by it (two thread hand-offs,
 * each a scheduling delay on a busy machine); a caller that does not wait leaves it to the executor, as before.
 * Completes as {@link CompletableFuture#supplyAsync} would: with the call's value, or its failure wrapped in a
 * {@link CompletionException}.
 */
final class OnceCall<T> extends CompletableFuture<T> implements Runnable {

    private final Supplier<T> call;
    private final AtomicBoolean started = new AtomicBoolean();

    OnceCall(Supplier<T> call) {
        this.call = Objects.requireNonNull(call, "call");
    }

    /** Makes the call unless it has already started (on another thread, or here). */
    @Override
    public void run() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        try {
            complete(call.get());
        } catch (Throwable e) {
            completeExceptionally(e instanceof CompletionException ? e : new CompletionException(e));
        }
    }
}
