package cx.wonderful.it.chat;

import cx.wonderful.microprofile.chat.ChatEvent;
import cx.wonderful.microprofile.chat.ChatSessionEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An application bean that observes the library's chat events as CDI events, as an application would. */
@ApplicationScoped
public class ChatEventsObserver {

    private final Map<String, List<ChatEvent>> bySession = new ConcurrentHashMap<>();

    void on(@Observes ChatSessionEvent event) {
        List<ChatEvent> events = bySession.computeIfAbsent(event.sessionId(), id -> new ArrayList<>());
        synchronized (events) {
            events.add(event.event());
        }
    }

    public List<ChatEvent> of(String sessionId) {
        List<ChatEvent> events = bySession.getOrDefault(sessionId, List.of());
        synchronized (events) {
            return List.copyOf(events);
        }
    }
}
