package cx.wonderful.microprofile.chat;

/** A listener's registration on a session; {@link #unsubscribe()} removes it (idempotent). */
public interface Subscription extends AutoCloseable {

    /** No event delivered after this returns reaches the listener, except one already being delivered. */
    void unsubscribe();

    /** Same as {@link #unsubscribe()}. */
    @Override
    default void close() {
        unsubscribe();
    }
}
