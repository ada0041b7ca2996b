package cx.wonderful.it.smoke;

import cx.wonderful.microprofile.chat.ChatEvent;
import cx.wonderful.microprofile.chat.ChatSessionEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The library's chat events as the application's CDI observer receives them. */
@ApplicationScoped
public class SmokeEvents {

    private final List<ChatSessionEvent> seen = new CopyOnWriteArrayList<>();

    void on(@Observes ChatSessionEvent event) {
        seen.add(event);
    }

    boolean saw(String sessionId, Class<? extends ChatEvent> type) {
        return seen.stream().anyMatch(e -> e.sessionId().equals(sessionId) && type.isInstance(e.event()));
    }

    List<ChatEvent> of(String sessionId) {
        return seen.stream().filter(e -> e.sessionId().equals(sessionId)).map(ChatSessionEvent::event).toList();
    }
}
