package cx.wonderful.microprofile.chat;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.ObserverMethod;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fires a {@link ChatSessionEvent} to the application's synchronous observers one by one, in the container's order,
 * so that an observer that throws is logged and the others are still notified ({@code Event.fire} would stop at the
 * first exception). Asynchronous observers are not notified.
 */
final class CdiObservers implements Consumer<ChatSessionEvent> {

    private static final Logger LOG = Logger.getLogger(CdiObservers.class.getName());

    private final BeanManager beanManager;

    CdiObservers(BeanManager beanManager) {
        this.beanManager = Objects.requireNonNull(beanManager, "beanManager");
    }

    @Override
    public void accept(ChatSessionEvent event) {
        for (ObserverMethod<? super ChatSessionEvent> observer : beanManager.resolveObserverMethods(event)) {
            if (observer.isAsync()) {
                continue;
            }
            try {
                observer.notify(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the observer " + observer.getBeanClass().getName() + " of chat session "
                        + event.sessionId() + " failed on " + event.event().getClass().getSimpleName(), e);
            }
        }
    }
}
