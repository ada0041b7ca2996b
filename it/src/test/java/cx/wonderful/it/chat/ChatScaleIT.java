package cx.wonderful.it.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.it.support.Deployments;
import cx.wonderful.it.support.Simulator;
import cx.wonderful.microprofile.chat.ChatEvent;
import cx.wonderful.microprofile.chat.ChatSession;
import cx.wonderful.microprofile.chat.ConnectionState;
import cx.wonderful.microprofile.chat.EndedBy;
import cx.wonderful.microprofile.chat.ParticipantType;
import cx.wonderful.microprofile.chat.Speaker;
import cx.wonderful.microprofile.chat.StartChat;
import cx.wonderful.microprofile.chat.WonderfulChat;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Inside Liberty: 50 concurrent sessions share the library's few threads; none gets a thread of its own. */
@ExtendWith(ArquillianExtension.class)
class ChatScaleIT {

    private static final Logger LOG = Logger.getLogger(ChatScaleIT.class.getName());
    private static final int SESSIONS = 50;

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("chat-scale", ChatScaleIT.class, EventLog.class);
    }

    @Inject
    WonderfulChat chat;

    private static StartChat request(int n) {
        return StartChat.builder().from("user-" + n + "@acme.example").fromType(ParticipantType.EMAIL).build();
    }

    @Test
    void fiftyConcurrentSessionsDoNotGrowTheThreadCountWithTheirNumber() throws Exception {
        Simulator.reset();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // One whole conversation first, so that the shared pools and the runtime's own threads exist.
        EventLog warmLog = new EventLog();
        ChatSession warm = chat.start(request(0), warmLog);
        warm.send("warm").toCompletableFuture().get(EventLog.WAIT_SECONDS, TimeUnit.SECONDS);
        warmLog.awaitMessage("You said: warm");
        warm.end().toCompletableFuture().get(EventLog.WAIT_SECONDS, TimeUnit.SECONDS);
        int before = threads.getThreadCount();
        String censusBefore = census();

        List<EventLog> logs = new ArrayList<>();
        List<CompletableFuture<ChatSession>> starts = new ArrayList<>();
        for (int n = 1; n <= SESSIONS; n++) {
            EventLog log = new EventLog();
            logs.add(log);
            starts.add(chat.startAsync(request(n), log).toCompletableFuture());
        }
        CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        List<ChatSession> sessions = starts.stream().map(CompletableFuture::join).toList();
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int n = 0; n < SESSIONS; n++) {
            sends.add(sessions.get(n).send("hello " + n).toCompletableFuture());
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        for (int n = 0; n < SESSIONS; n++) {
            String expected = "You said: hello " + n;
            logs.get(n).await(ChatEvent.Message.class, m -> m.speaker() == Speaker.AGENT && m.text().equals(expected));
        }
        int during = threads.getThreadCount();
        String census = census();
        long connected = sessions.stream().filter(s -> s.connectionState() == ConnectionState.CONNECTED).count();

        List<CompletableFuture<Void>> ends = new ArrayList<>();
        sessions.forEach(s -> ends.add(s.end().toCompletableFuture()));
        CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        for (EventLog log : logs) {
            assertEquals(EndedBy.USER, log.await(ChatEvent.Ended.class).endedBy());
        }

        LOG.info("chat scale: live threads " + before + " before, " + during + " with " + SESSIONS + " open sessions: " + census + "; before: " + censusBefore);
        assertEquals(SESSIONS, connected);
        assertTrue(during - before < SESSIONS / 2,
                "live threads grew from " + before + " to " + during + " with " + SESSIONS + " sessions: " + census);
    }

    /** Live threads by name, digits folded, most numerous first: which pool grew. */
    private static String census() {
        java.util.Map<String, Long> byName = Thread.getAllStackTraces().keySet().stream()
                .collect(java.util.stream.Collectors.groupingBy(t -> t.getName().replaceAll("\\d+", "#"),
                        java.util.stream.Collectors.counting()));
        return byName.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
    }
}
