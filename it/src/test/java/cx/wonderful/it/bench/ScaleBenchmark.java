package cx.wonderful.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cx.wonderful.it.support.Simulator;
import cx.wonderful.microprofile.chat.ChatSession;
import cx.wonderful.microprofile.chat.ParticipantType;
import cx.wonderful.microprofile.chat.StartChat;
import cx.wonderful.microprofile.chat.WonderfulChat;
import cx.wonderful.microprofile.realtime.ConnectionState;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
 * Benchmark 4, scale: up to {@value #MAX} open chat sessions in one JVM, each a real WebSocket to the simulator;
 * heap in use after full GCs and live threads at 0, 100, 500 and 1,000 sessions, for the library's sessions and
 * for as many bare Jakarta WebSocket clients on sessions created over REST. Both include the simulator's own share
 * (its session and server socket per chat, in the same JVM), so the library's cost per session is the difference.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleBenchmark {

    static final String ID = "4-scale";
    private static final int MAX = 1_000;
    private static final int[] STEPS = {100, 500, MAX};
    private static final int BATCH = 50;
    private static final int HISTOGRAM_TOP = 8;
    private static final String LIBRARY_PACKAGE = "cx.wonderful.microprofile.";

    @Deployment
    static WebArchive deployment() {
        return BenchDeployments.war("bench-scale", "", ScaleBenchmark.class);
    }

    @Inject
    WonderfulChat chat;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    @Test
    @Order(1)
    void measure() throws Exception {
        Simulator.reset();
        warmUp();
        // Raw, library, library, raw: a drift of the JVM's state over the run weighs on both alike.
        List<Map<Integer, long[]>> raw = new ArrayList<>();
        List<Map<Integer, long[]>> library = new ArrayList<>();
        raw.add(rawSessions());
        library.add(librarySessions());
        library.add(librarySessions());
        raw.add(rawSessions());

        BenchTable table = new BenchTable(ID, "4. Scale (open chat sessions in one JVM)", "library sessions", "raw WebSockets");
        for (int n : STEPS) {
            table.row("heap per session at " + n + " (KB, client + simulator)", heapKb(library, n), heapKb(raw, n), null, null);
        }
        double totalKb = heapKb(library, MAX);
        double ownKb = totalKb - heapKb(raw, MAX);
        table.fact("library session, client + simulator, at " + MAX + " (KB)", BenchTable.fmt(totalKb), "≤ 50 KB", totalKb <= 50)
                .fact("library's own share at " + MAX + " (library − raw, KB)", BenchTable.fmt(ownKb), "≤ 50 KB", ownKb <= 50);
        table.fact("objects of the library's own classes per session at " + MAX + " (shallow, KB)", BenchTable.fmt(libraryObjects),
                null, null);
        table.row("live threads at 0", threads(library, 0), threads(raw, 0), null, null);
        for (int n : STEPS) {
            table.row("live threads at " + n, threads(library, n), threads(raw, n), null, null);
        }
        double libraryGrowth = threads(library, MAX) - threads(library, 0);
        double rawGrowth = threads(raw, MAX) - threads(raw, 0);
        table.fact("thread growth 0 → " + MAX + ", library / raw", BenchTable.fmt(libraryGrowth) + " / " + BenchTable.fmt(rawGrowth),
                        "flat (no thread per session)", libraryGrowth - rawGrowth < STEPS[0] / 10.0)
                .note("Two passes of each kind (raw, library, library, raw), figures averaged. Sessions opened " + BATCH
                        + " at a time (library: WonderfulChat.startAsync, which creates the chat over REST, opens its socket and "
                        + "sends init; raw: one REST create and ContainerProvider.getWebSocketContainer().connectToServer each).")
                .note("Heap: MemoryMXBean used heap after System.gc() until it stops shrinking, minus the reading at 0 sessions, "
                        + "divided by the sessions open; threads: ThreadMXBean live threads.")
                .note("Thread census at " + MAX + " library sessions: " + census + ".")
                .note("Heap growth per session by class, 0 → " + MAX + " (GC.class_histogram, first pass), library: " + libraryClasses
                        + "; raw: " + rawClasses + ".")
                .write();
    }

    /** Heap per session at {@code n} sessions in KB, averaged over the passes. */
    private static double heapKb(List<Map<Integer, long[]>> passes, int n) {
        return passes.stream().mapToDouble(p -> (p.get(n)[0] - p.get(0)[0]) / 1024.0 / n).average().orElseThrow();
    }

    /** Live threads at {@code n} sessions, averaged over the passes. */
    private static double threads(List<Map<Integer, long[]>> passes, int n) {
        return passes.stream().mapToDouble(p -> p.get(n)[1]).average().orElseThrow();
    }

    private String census = "";
    private String libraryClasses = "";
    private String rawClasses = "";
    private double libraryObjects;

    /** One library session and one raw socket through a whole cycle, so that pools and classes exist before the baseline. */
    private void warmUp() throws Exception {
        ChatSession session = chat.start(request(0));
        session.close();
        Session socket = RawChat.connect(new RawChatSocket(new Deliveries(), code -> { }), RawChat.createSession(0), null);
        socket.close();
        Simulator.reset();
    }

    /** {0 and each step} → {heap bytes, live threads} with that many library sessions open. */
    private Map<Integer, long[]> librarySessions() throws Exception {
        Map<Integer, long[]> readings = new LinkedHashMap<>();
        readings.put(0, reading());
        HeapHistogram empty = libraryClasses.isEmpty() ? HeapHistogram.take() : null;
        List<ChatSession> sessions = new ArrayList<>();
        for (int step : STEPS) {
            while (sessions.size() < step) {
                List<CompletableFuture<ChatSession>> batch = new ArrayList<>();
                for (int i = 0; i < BATCH && sessions.size() + batch.size() < step; i++) {
                    batch.add(chat.startAsync(request(sessions.size() + batch.size() + 1)).toCompletableFuture());
                }
                CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
                batch.forEach(f -> sessions.add(f.join()));
            }
            assertEquals(step, sessions.stream().filter(s -> s.connectionState() == ConnectionState.CONNECTED).count(),
                    "every library session is connected");
            readings.put(step, reading());
        }
        census = census();
        if (empty != null) {
            HeapHistogram full = HeapHistogram.take();
            libraryClasses = full.growthSince(empty, MAX, HISTOGRAM_TOP);
            libraryObjects = full.growthOfPackage(empty, LIBRARY_PACKAGE) / 1024.0 / MAX;
        }
        sessions.forEach(ChatSession::close);
        Simulator.reset();
        return readings;
    }

    /** The same readings with bare WebSocket clients. */
    private Map<Integer, long[]> rawSessions() throws Exception {
        Map<Integer, long[]> readings = new LinkedHashMap<>();
        readings.put(0, reading());
        HeapHistogram empty = rawClasses.isEmpty() ? HeapHistogram.take() : null;
        List<Session> sockets = new ArrayList<>();
        for (int step : STEPS) {
            while (sockets.size() < step) {
                String id = RawChat.createSession(sockets.size() + 1);
                sockets.add(RawChat.connect(new RawChatSocket(new Deliveries(), code -> { }), id, null));
            }
            assertEquals(step, sockets.stream().filter(Session::isOpen).count(), "every raw socket is open");
            readings.put(step, reading());
        }
        if (empty != null) {
            rawClasses = HeapHistogram.take().growthSince(empty, MAX, HISTOGRAM_TOP);
        }
        for (Session socket : sockets) {
            socket.close();
        }
        Simulator.reset();
        return readings;
    }

    private long[] reading() throws InterruptedException {
        long heap = Measure.heapAfterGc();
        return new long[] {heap, threads.getThreadCount()};
    }

    private static StartChat request(int n) {
        return StartChat.from("bench-scale-" + n + "@acme.example", ParticipantType.EMAIL);
    }

    /** Live threads by name, digits folded, most numerous first. */
    private static String census() {
        Map<String, Long> byName = Thread.getAllStackTraces().keySet().stream()
                .collect(Collectors.groupingBy(t -> t.getName().replaceAll("\\d+", "#"), Collectors.counting()));
        return byName.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    @Test
    @Order(2)
    @RunAsClient
    void report() {
        BenchResults.publish(ID);
    }
}
