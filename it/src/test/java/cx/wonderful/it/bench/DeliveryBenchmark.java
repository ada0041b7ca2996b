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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
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
 * Benchmark 3, real-time delivery, the library's listener against a bare Jakarta WebSocket endpoint that parses the
 * frames itself, each on its own session of the same server. Per round and client: {@value #PACED} turns one at a
 * time (each awaited: latency without load), then a burst of {@value #TURNS} turns (2 transcripts and a turn_ended
 * each) pushed as fast as the simulator can: transcripts per second from the emit request to the last transcript,
 * the client JVM's CPU per transcript, and the latency of each customer transcript from its server send stamp to the
 * application. Asserted: every transcript arrives once, in order.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeliveryBenchmark {

    static final String ID = "3-delivery";
    private static final int TURNS = 2_000;
    private static final int PACED = 200;
    /** The first bursts run visibly slower while the JIT compiles the paths (rates rise round after round). */
    private static final int WARMUP_ROUNDS = 2;
    private static final int ROUNDS = 5;
    private static final Duration WAIT = Duration.ofSeconds(120);

    @Deployment
    static WebArchive deployment() {
        return BenchDeployments.war("bench-delivery", "", DeliveryBenchmark.class);
    }

    @Inject
    WonderfulChat chat;

    /** What each client measured over the recorded rounds. */
    private static final class Side {
        final Samples pacedLatency = new Samples();
        final Samples burstLatency = new Samples();
        final List<Double> rates = new ArrayList<>();
        final List<Double> cpuPerTranscript = new ArrayList<>();
        int lost;
        int duplicated;
        int disordered;
    }

    @Test
    @Order(1)
    void measure() throws Exception {
        Simulator.reset();
        Side library = new Side();
        Side raw = new Side();
        for (int round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
            boolean record = round >= WARMUP_ROUNDS;
            for (int side = 0; side < 2; side++) {
                boolean isLibrary = (round + side) % 2 == 0;
                AtomicReference<Deliveries> target = new AtomicReference<>(new Deliveries());
                Side into = record ? (isLibrary ? library : raw) : new Side();
                if (isLibrary) {
                    libraryRound(round, target, into);
                } else {
                    rawRound(round, target, into);
                }
            }
            Simulator.reset();
        }
        double libraryRate = median(library.rates);
        double rawRate = median(raw.rates);
        int lost = library.lost + raw.lost;
        int duplicated = library.duplicated + raw.duplicated;
        int disordered = library.disordered + raw.disordered;
        new BenchTable(ID, "3. Real-time delivery (bursts of " + TURNS + " turns = " + 2 * TURNS + " transcripts)",
                "library listener", "raw Jakarta WebSocket")
                .row("throughput (transcripts/s, median of " + ROUNDS + " bursts)", libraryRate, rawRate, "≥ 0.9x",
                        libraryRate / rawRate >= 0.9)
                .latency("burst: send → listener", library.burstLatency, raw.burstLatency, null, 2.0)
                .row("burst: CPU of the client JVM per transcript (µs, median)", median(library.cpuPerTranscript),
                        median(raw.cpuPerTranscript), null, null)
                .latency("unloaded (one turn at a time): send → listener", library.pacedLatency, raw.pacedLatency, null, null)
                .fact("lost / duplicated transcripts, phases out of order (all rounds, both clients)",
                        lost + " / " + duplicated + " / " + disordered, "0", lost + duplicated + disordered == 0)
                .note("Bursts: the simulator's admin emit (POST /__admin/sessions/{id}/emit) records and pushes the turns under "
                        + "the session's lock with blocking sends, so a slow reader slows the sender: throughput is end to end. "
                        + WARMUP_ROUNDS + " warm-up rounds, then " + ROUNDS + " rounds, the two clients alternating which goes first.")
                .note("Latency: System.nanoTime() stamped into each customer transcript just before the server sends it, read by "
                        + "the client once it has the parsed message (another JVM: both read CLOCK_MONOTONIC on Linux); created_at (epoch ms) is too "
                        + "coarse for sub-millisecond figures. CPU: the client JVM's ProcessCpuTime (OperatingSystem MXBean: every "
                        + "thread, GC and JIT included; the simulator's JVM is not in it) over the burst, divided by its transcripts.")
                .note("Baseline: ContainerProvider.getWebSocketContainer() + a bare Endpoint with a MessageHandler.Whole<String> "
                        + "that parses each frame with JSON-P, on the container's read thread. Library: WonderfulChat.start(request, "
                        + "listener); frames are parsed on the read thread, then delivered through the session's serial event queue "
                        + "on the library's event pool.")
                .note("Bursts per round (transcripts/s), library: " + rates(library.rates) + "; raw: " + rates(raw.rates) + ".")
                .write();
    }

    private void libraryRound(int round, AtomicReference<Deliveries> target, Side into) throws Exception {
        ChatSession session = chat.start(StartChat.from("bench-delivery-" + round + "@acme.example", ParticipantType.EMAIL),
                event -> {
                    if (event instanceof ChatEvent.Message m) {
                        target.get().transcript(m.id(), m.speaker().name(), m.text(), System.nanoTime());
                    }
                });
        try {
            phases(session.sessionId(), target, into);
        } finally {
            session.close();
        }
    }

    private void rawRound(int round, AtomicReference<Deliveries> target, Side into) throws Exception {
        String id = RawChat.createSession(round);
        Session socket = RawChat.connect(new RawChatSocket(target::get, code -> { }), id, null);
        try {
            phases(id, target, into);
        } finally {
            socket.close();
        }
    }

    /** The paced turns, then the burst, each into its own {@link Deliveries}; checks and records both. */
    private static void phases(String sessionId, AtomicReference<Deliveries> target, Side into) throws Exception {
        SimSessions.awaitSockets(sessionId, 1, WAIT);
        Deliveries paced = target.get();
        for (int turn = 1; turn <= PACED; turn++) {
            RawChat.emit(sessionId, 1);
            paced.awaitTranscripts(2 * turn, WAIT);
        }
        check(paced, 2 * PACED, into);
        into.pacedLatency.addAll(paced.latency());

        Deliveries burst = new Deliveries();
        target.set(burst);
        long cpuBefore = Measure.processCpu();
        long start = System.nanoTime();
        RawChat.emit(sessionId, TURNS);
        burst.awaitTranscripts(2 * TURNS, WAIT);
        long cpu = Measure.processCpu() - cpuBefore;
        check(burst, 2 * TURNS, into);
        into.burstLatency.addAll(burst.latency());
        into.rates.add(2 * TURNS / ((burst.lastAt() - start) / 1e9));
        into.cpuPerTranscript.add(cpu / 1_000.0 / (2 * TURNS));
    }

    private static void check(Deliveries received, int expected, Side into) {
        into.lost += Math.max(0, expected - (received.count() - received.duplicates()));
        into.duplicated += received.duplicates();
        into.disordered += received.inOrder() ? 0 : 1;
        assertEquals(expected, received.count(), "every transcript arrived");
        assertEquals(0, received.duplicates(), "no transcript arrived twice");
        assertTrue(received.inOrder(), "transcripts arrived in order");
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static String rates(List<Double> values) {
        return values.stream().map(BenchTable::fmt).toList().toString();
    }

    @Test
    @Order(2)
    @RunAsClient
    void report() {
        BenchResults.publish(ID);
    }
}
