package cx.wonderful.microprofile.internal.chat;

import cx.wonderful.microprofile.chat.ChatEvent;
import cx.wonderful.microprofile.chat.ChatEventListener;
import cx.wonderful.microprofile.chat.ChatSessionEvent;
import cx.wonderful.microprofile.chat.Subscription;
import cx.wonderful.microprofile.internal.LogMessage;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Delivers one session's events, in order, to its listeners and then to the CDI observers; a listener or observer
 * that throws anything (an {@link Error} included) is logged and skipped, the others still get the event and the
 * session's next events are still delivered.
 */
final class EventDispatcher {

    private static final Logger LOG = Logger.getLogger(EventDispatcher.class.getName());

    private final String sessionId;
    private final Executor serial;
    private final Consumer<ChatSessionEvent> observers;
    private final CopyOnWriteArrayList<Registration> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param serial runs the deliveries one at a time, in order (a {@link SerialExecutor})
     * @param observers fires the CDI event
     */
    EventDispatcher(String sessionId, Executor serial, Consumer<ChatSessionEvent> observers) {
        this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
        this.serial = Objects.requireNonNull(serial, "serial");
        this.observers = Objects.requireNonNull(observers, "observers");
    }

    Subscription subscribe(ChatEventListener listener) {
        Registration registration = new Registration(Objects.requireNonNull(listener, "listener"));
        listeners.add(registration);
        return registration;
    }

    void emit(ChatEvent event) {
        Objects.requireNonNull(event, "event");
        serial.execute(() -> deliver(event));
    }

    private void deliver(ChatEvent event) {
        for (Registration registration : listeners) {
            if (!registration.active) {
                continue;
            }
            try {
                registration.listener.onEvent(event);
            } catch (Throwable e) {
                LogMessage.CHAT_LISTENER_FAILED.log(LOG, e, sessionId, event.getClass().getSimpleName());
            }
        }
        try {
            observers.accept(new ChatSessionEvent(sessionId, event));
        } catch (Throwable e) {
            LogMessage.CHAT_OBSERVERS_FAILED.log(LOG, e, sessionId, event.getClass().getSimpleName());
        }
    }

    private final class Registration implements Subscription {

        private final ChatEventListener listener;
        private volatile boolean active = true;

        private Registration(ChatEventListener listener) {
            this.listener = listener;
        }

        @Override
        public void unsubscribe() {
            active = false;
            listeners.remove(this);
        }
    }
}
