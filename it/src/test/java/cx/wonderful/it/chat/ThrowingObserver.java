package cx.wonderful.it.chat;

import cx.wonderful.microprofile.chat.ChatSessionEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** An observer that fails on every event, first in line: the other observers must still be notified. */
@ApplicationScoped
public class ThrowingObserver {

    void on(@Observes @Priority(1) ChatSessionEvent event) {
        throw new IllegalStateException("this observer always fails (on purpose)");
    }
}
