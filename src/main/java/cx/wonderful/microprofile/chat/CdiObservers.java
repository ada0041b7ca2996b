package cx.wonderful.microprofile.chat;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.ObserverMethod;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fires a {@link ChatSessionEvent} to the application's synchronous observers one by one, in the container's order,
 * so that an observer that throws is logged and the others are still notified ({@code Event.fire} would stop at the
 * first exception). Asynchronous observers are not notified. The observers are resolved once: the event type is
 * always the same, and the observer methods of an application do not change after deployment.
 */
final class CdiObservers implements Consumer<ChatSessionEvent> {

    private static final Logger LOG = Logger.getLogger(CdiObservers.class.getName());

    private final BeanManager beanManager;
    private volatile List<ObserverMethod<? super ChatSessionEvent>> observers;

    CdiObservers(BeanManager beanManager) {
        this.beanManager = Objects.requireNonNull(beanManager, "beanManager");
    }

    @Override
    public void accept(ChatSessionEvent event) {
        for (ObserverMethod<? super ChatSessionEvent> observer : observers(event)) {
            try {
                observer.notify(event);
            } catch (Throwable e) {
                LOG.log(Level.WARNING, "the observer " + observer.getBeanClass().getName() + " of chat session "
                        + event.sessionId() + " failed on " + event.event().getClass().getSimpleName(), e);
            }
        }
    }

    private List<ObserverMethod<? super ChatSessionEvent>> observers(ChatSessionEvent event) {
        List<ObserverMethod<? super ChatSessionEvent>> resolved = observers;
        if (resolved == null) {
            resolved = beanManager.resolveObserverMethods(event).stream().filter(o -> !o.isAsync()).toList();
            observers = resolved;
        }
        return resolved;
    }
}
