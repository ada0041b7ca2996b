package cx.wonderful.microprofile.internal.telemetry;

import io.opentelemetry.context.Context;
import java.util.concurrent.Executor;

/** OpenTelemetry context hand-offs; loaded only when the API is visible. */
final class Contexts {

    private Contexts() {
    }

    static Executor inCurrent(Executor executor) {
        Context current = Context.current();
        return current == Context.root() ? executor : current.wrap(executor);
    }

    static Runnable inCurrent(Runnable task) {
        Context current = Context.current();
        return current == Context.root() ? task : current.wrap(task);
    }
}
