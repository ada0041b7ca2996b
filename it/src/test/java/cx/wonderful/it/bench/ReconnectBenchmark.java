package cx.wonderful.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.it.support.Simulator;
import cx.wonderful.microprofile.chat.ChatEvent;
import cx.wonderful.microprofile.chat.ChatSession;
import cx.wonderful.microprofile.chat.ParticipantType;
import cx.wonderful.microprofile.chat.StartChat;
import cx.wonderful.microprofile.chat.WonderfulChat;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Benchmark 5, reconnect: {@value #DROPS} forced drops of one session's socket by the simulator (close 1011 and TCP
 * abort 1006, alternating), with transcripts emitted before each drop and while the socket is down. Measured is
 * the time from the drop request to the library's {@link ChatEvent.Reconnected} minus the configured backoff, against
 * a bare Jakarta WebSocket client that reconnects at once (resuming after its last transcript) on the same server.
 * Asserted: every transcript arrives exactly once, in order, for both.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReconnectBenchmark {

    static final String ID = "5-reconnect";
    private static final int DROPS = 100;
    /** Drops before the measured ones, while the JIT compiles the reconnect path. */
    private static final int WARMUP_DROPS = 10;
    private static final int TURNS = 2;
    /** {@code wonderful.retry-delay} of this WAR: the first reconnect waits between half of it and all of it. */
    private static final Duration BACKOFF = Duration.ofMillis(5);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Deployment
    static WebArchive deployment() {
        return BenchDeployments.war("bench-reconnect", "wonderful.retry-delay=" + BACKOFF.toMillis() + "ms\n",
                ReconnectBenchmark.class);
    }

    @Inject
    WonderfulChat chat;

    @Test
    @Order(1)
    void measure() throws Exception {
        Simulator.reset();
        Deliveries libraryReceived = new Deliveries();
        ChatSession session = chat.start(StartChat.from("bench-reconnect@acme.example", ParticipantType.EMAIL), event -> {
            long now = System.nanoTime();
            if (event instanceof ChatEvent.Message m) {
                libraryReceived.transcript(m.id(), m.speaker().name(), m.text(), now);
            } else if (event instanceof ChatEvent.Reconnected) {
                libraryReceived.reconnected(now);
            }
        });
        Drops library;
        try {
            library = drops(session.sessionId(), libraryReceived, BACKOFF.toNanos());
            assertEquals(libraryReceived.count(), session.messages().size(), "the session's own transcript matches its listener's");
        } finally {
            session.close();
        }
        Drops raw = rawDrops();

        int expected = (WARMUP_DROPS + DROPS) * 4 * TURNS;
        new BenchTable(ID, "5. Reconnect (" + DROPS + " forced drops, 1011 and 1006 alternating)", "library", "raw reconnect")
                .latency("drop → reconnected, beyond backoff", library.times(), raw.times(), null, null)
                .fact("library: drop → Reconnected minus backoff, p50 / p99 (ms)", BenchTable.fmt(library.times().median() / 1e6)
                        + " / " + BenchTable.fmt(library.times().percentile(99) / 1e6), "≤ 100 ms",
                        library.times().percentile(99) <= 100_000_000L)
                .fact("transcripts lost / duplicated of " + expected + ", library / raw", library.missing() + " / "
                        + library.duplicated() + ", " + raw.missing() + " / " + raw.duplicated(), "0 / 0",
                        library.missing() + library.duplicated() == 0)
                .note(WARMUP_DROPS + " warm-up drops, then " + DROPS + " measured. Per drop: " + TURNS + " turns emitted and received, then POST /__admin/sessions/{id}/drop (timer starts just "
                        + "before it), " + TURNS + " more turns emitted at once (while the socket is down: replayed on resume), then "
                        + "the wait for Reconnected and for every transcript. Backoff: wonderful.retry-delay=" + BACKOFF.toMillis()
                        + "ms, so the first reconnect waits " + BACKOFF.toMillis() / 2.0 + "-" + BACKOFF.toMillis()
                        + " ms (equal jitter); the full " + BACKOFF.toMillis() + " ms is subtracted.")
                .note("Baseline: a bare Endpoint whose onClose reconnects at once on another thread with ?sessionId=&after=<last "
                        + "transcript id>; its time is to the return of connectToServer. It has no backoff to subtract.")
                .write();
    }

    /** Each measured drop's time beyond the backoff, and the transcripts that went missing or came twice. */
    private record Drops(Samples times, int missing, int duplicated) {
    }

    /** Runs the drops on a connected session and checks the transcripts; times are beyond {@code backoffNanos}. */
    private Drops drops(String sessionId, Deliveries received, long backoffNanos) throws Exception {
        Samples times = new Samples();
        SimSessions.awaitSockets(sessionId, 1, WAIT);
        int expected = 0;
        for (int drop = 1; drop <= WARMUP_DROPS + DROPS; drop++) {
            RawChat.emit(sessionId, TURNS);
            expected += 2 * TURNS;
            received.awaitTranscripts(expected, WAIT);
            int code = drop % 2 == 0 ? 1006 : 1011;
            long start = System.nanoTime();
            Simulator.admin("POST", "/__admin/sessions/" + sessionId + "/drop", "{\"code\":" + code + ",\"reason\":\"bench\"}");
            RawChat.emit(sessionId, TURNS);
            expected += 2 * TURNS;
            long reconnected = received.awaitReconnect(drop, WAIT);
            if (drop > WARMUP_DROPS) {
                times.add(reconnected - start - backoffNanos);
            }
            received.awaitTranscripts(expected, WAIT);
            SimSessions.awaitSockets(sessionId, 1, WAIT);
        }
        List<String> all = IntStream.rangeClosed(1, expected).mapToObj(n -> String.format("%s-t%06d", sessionId, n)).toList();
        Drops result = new Drops(times, received.missing(all), received.duplicates());
        assertEquals(0, result.missing(), "no transcript lost");
        assertEquals(0, result.duplicated(), "no transcript duplicated");
        assertEquals(expected, received.count());
        assertTrue(received.inOrder(), "transcripts in order");
        return result;
    }

    /** The same drops with a bare client that reconnects as soon as it sees the close. */
    private Drops rawDrops() throws Exception {
        String id = RawChat.createSession(1);
        Deliveries received = new Deliveries();
        ExecutorService reconnector = Executors.newSingleThreadExecutor();
        AtomicReference<Session> current = new AtomicReference<>();
        try {
            current.set(RawChat.connect(new RawChatSocket(received, code -> reopen(reconnector, id, received, current, code)), id, null));
            return drops(id, received, 0);
        } finally {
            reconnector.shutdownNow();
            Session last = current.get();
            if (last != null && last.isOpen()) {
                last.close();
            }
        }
    }

    private static void reopen(ExecutorService reconnector, String id, Deliveries received, AtomicReference<Session> current, int code) {
        if (code == 1000 || reconnector.isShutdown()) {
            return;
        }
        reconnector.execute(() -> {
            try {
                current.set(RawChat.connect(new RawChatSocket(received,
                        next -> reopen(reconnector, id, received, current, next)), id, received.lastId()));
                received.reconnected(System.nanoTime());
            } catch (Exception e) {
                throw new IllegalStateException("the raw client could not reconnect", e);
            }
        });
    }

    @Test
    @Order(2)
    @RunAsClient
    void report() {
        BenchResults.publish(ID);
    }
}
