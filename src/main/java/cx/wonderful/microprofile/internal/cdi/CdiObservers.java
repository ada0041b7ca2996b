package cx.wonderful.microprofile.internal.cdi;

import cx.wonderful.microprofile.chat.ChatSessionEvent;
import cx.wonderful.microprofile.internal.LogMessage;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Fires a {@link ChatSessionEvent} through the CDI container, to the application's synchronous observers: the
 * container applies its own rules (observer order by {@code @Priority}, qualifiers, {@code EventMetadata},
 * transactional observers' phases). As CDI says, an observer that throws ends the notification of that event: the
 * observers after it do not see it. The library logs the failure and the session carries on; the next event is
 * fired to every observer again. Asynchronous observers are not notified.
 */
public final class CdiObservers implements Consumer<ChatSessionEvent> {

    private static final Logger LOG = Logger.getLogger(CdiObservers.class.getName());

    private final Event<ChatSessionEvent> events;

    public CdiObservers(BeanManager beanManager) {
        this.events = Objects.requireNonNull(beanManager, "beanManager").getEvent().select(ChatSessionEvent.class);
    }

    @Override
    public void accept(ChatSessionEvent event) {
        try {
            events.fire(event);
        } catch (RuntimeException e) {
            LogMessage.CHAT_OBSERVER_FAILED.log(LOG, e, event.sessionId(), event.event().getClass().getSimpleName());
        }
    }
}
