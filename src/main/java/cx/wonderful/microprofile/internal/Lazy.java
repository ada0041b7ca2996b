package cx.wonderful.microprofile.internal;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made on first use, once, and then kept: for what a configuration needs only when a capability is used (a
 * rest client, the WebSocket container), so that an application that never uses it needs none of it. Thread-safe; a
 * factory that throws makes nothing, and the next use tries again.
 */
public final class Lazy<T> implements Supplier<T> {

    private final Supplier<T> factory;
    private volatile T value;

    private Lazy(Supplier<T> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    public static <T> Lazy<T> of(Supplier<T> factory) {
        return new Lazy<>(factory);
    }

    @Override
    public T get() {
        T current = value;
        if (current == null) {
            synchronized (this) {
                current = value;
                if (current == null) {
                    current = Objects.requireNonNull(factory.get(), "the factory made null");
                    value = current;
                }
            }
        }
        return current;
    }
}
