package cx.wonderful.it.chat;

import cx.wonderful.microprofile.chat.ChatSessionEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * An observer that fails on every event, last in line (CDI ends an event's notification at an observer that throws):
 * the observers before it see every event, and the session carries on.
 */
@ApplicationScoped
public class ThrowingObserver {

    void on(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) ChatSessionEvent event) {
        throw new IllegalStateException("this observer always fails (on purpose)");
    }
}
