package cx.wonderful.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.it.support.Simulator;
import cx.wonderful.microprofile.chat.ChatEvent;
import cx.wonderful.microprofile.chat.ChatSession;
import cx.wonderful.microprofile.chat.ConnectionState;
import cx.wonderful.microprofile.chat.ParticipantType;
import cx.wonderful.microprofile.chat.StartChat;
import cx.wonderful.microprofile.chat.WonderfulChat;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * Benchmark 4, scale: up to {@value #MAX} open chat sessions in the client JVM, each a real WebSocket to the
 * simulator's server (another JVM), against as many bare Jakarta WebSocket clients on sessions created over REST.
 * At 0, 1,000, 5,000 and 10,000: heap in use after full GCs, live threads, open file descriptors and the time to
 * get there; at 0 and 10,000 a class histogram, split into the library's classes, the WebSocket implementation's
 * and the rest. With all sessions open, one customer turn is emitted to every session (2 transcripts each):
 * throughput and latency of the fan-out. Asserted: every session connected, every transcript delivered once, in
 * order, per session.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleBenchmark {

    static final String ID = "4-scale";
    private static final int MAX = 10_000;
    private static final int[] STEPS = {1_000, 5_000, MAX};
    /** Opens in flight at once: few enough that none waits out wonderful.chat.start-timeout behind the others. */
    private static final int IN_FLIGHT = 20;
    private static final int RAW_OPENERS = 8;
    /** Admin emit calls in flight during the fan-out. */
    private static final int EMITTERS = 8;
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final String LIBRARY = "cx.wonderful.microprofile.";
    private static final String WEBSOCKET = "com.ibm.ws.wsoc.";
    private static final String BENCH = "cx.wonderful.it.";

    @Deployment
    static WebArchive deployment() {
        return BenchDeployments.war("bench-scale", "", ScaleBenchmark.class);
    }

    @Inject
    WonderfulChat chat;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    /** What one pass (library or raw) measured. */
    private static final class Pass {
        final Map<Integer, long[]> readings = new LinkedHashMap<>();
        final Map<Integer, Double> secondsTo = new LinkedHashMap<>();
        long fdsAtStart;
        HeapHistogram empty;
        HeapHistogram full;
        String census = "";
        double fanOutRate;
        Samples fanOutLatency;
        int lost;
        int duplicated;
        int disordered;
    }

    @Test
    @Order(1)
    void measure() throws Exception {
        long maxFds = Measure.maxFileDescriptors();
        // Each open session holds one socket in this JVM; the raw pass's sockets are closed before the library's open.
        assertTrue(maxFds < 0 || maxFds >= MAX + 2_000, "the client JVM may open " + maxFds + " files; " + MAX
                + " sessions need about " + (MAX + 1_000) + " (raise ulimit -n for the build)");
        Simulator.reset();
        warmUp();
        Pass raw = rawPass();
        Pass library = libraryPass();

        BenchTable table = new BenchTable(ID, "4. Scale (open chat sessions in the client JVM)", "library sessions", "raw WebSockets");
        for (int n : STEPS) {
            table.row("heap per session at " + n + " (KB)", heapKb(library, n), heapKb(raw, n), null, null);
        }
        double libraryKb = heapKb(library, MAX);
        table.fact("library session at " + MAX + ", client JVM (KB)", BenchTable.fmt(libraryKb), "≤ 20 KB", libraryKb <= 20)
                .fact("of which beyond a raw WebSocket (library − raw, KB)", BenchTable.fmt(libraryKb - heapKb(raw, MAX)), null, null);
        table.row("histogram: the library's classes per session at " + MAX + " (KB, shallow)", share(library, LIBRARY),
                share(raw, LIBRARY), null, null)
                .row("histogram: the WebSocket implementation's classes (" + WEBSOCKET + "*) per session (KB)",
                        share(library, WEBSOCKET), share(raw, WEBSOCKET), null, null)
                .row("histogram: other Liberty classes (com.ibm.*, io.openliberty.*) per session (KB)", otherLiberty(library),
                        otherLiberty(raw), null, null)
                .row("histogram: JDK classes and arrays per session (KB)", jdk(library), jdk(raw), null, null)
                .row("histogram: the benchmark's own listener objects per session (KB)", share(library, BENCH), share(raw, BENCH),
                        null, null);
        table.row("live threads at 0", threads(library, 0), threads(raw, 0), null, null);
        for (int n : STEPS) {
            table.row("live threads at " + n, threads(library, n), threads(raw, n), null, null);
        }
        double libraryGrowth = threads(library, MAX) - threads(library, 0);
        double rawGrowth = threads(raw, MAX) - threads(raw, 0);
        table.fact("thread growth 0 → " + MAX + ", library / raw", BenchTable.fmt(libraryGrowth) + " / " + BenchTable.fmt(rawGrowth),
                "flat (no thread per session)", libraryGrowth - rawGrowth < 50);
        for (int n : STEPS) {
            table.row("open file descriptors at " + n, library.readings.get(n)[2], raw.readings.get(n)[2], null, null);
        }
        for (int n : STEPS) {
            table.row("time to open " + n + " sessions from 0 (s)", library.secondsTo.get(n), raw.secondsTo.get(n), null, null);
        }
        table.row("fan-out with " + MAX + " open: one turn to every session (transcripts/s)", library.fanOutRate, raw.fanOutRate,
                        null, null)
                .latency("fan-out with " + MAX + " open: send → listener", library.fanOutLatency, raw.fanOutLatency, null, null)
                .fact("fan-out: lost / duplicated / sessions out of order (both clients)",
                        (library.lost + raw.lost) + " / " + (library.duplicated + raw.duplicated) + " / "
                                + (library.disordered + raw.disordered), "0",
                        library.lost + raw.lost + library.duplicated + raw.duplicated + library.disordered + raw.disordered == 0)
                .note("One pass each, raw first, then library, in the client Liberty JVM; the simulator is in its own Liberty JVM "
                        + "on the same 2 cores. Library: WonderfulChat.startAsync(request, listener), " + IN_FLIGHT + " in flight "
                        + "(each creates the chat over REST, opens its socket and sends init); raw: one REST create "
                        + "(java.net.http) and ContainerProvider.getWebSocketContainer().connectToServer each, on " + RAW_OPENERS
                        + " threads.")
                .note("Heap: MemoryMXBean used heap after System.gc() until it stops shrinking, minus the reading at 0 sessions, "
                        + "divided by the sessions open. Histogram: GC.class_histogram growth 0 → " + MAX + " by class-name prefix "
                        + "(shallow sizes; a String's bytes count as JDK). Threads: ThreadMXBean live threads. Descriptors: "
                        + "the client JVM's OpenFileDescriptorCount (limit " + maxFds + ").")
                .note("Fan-out: " + EMITTERS + " threads call the simulator's admin emit once per session (1 turn = 2 transcripts, "
                        + "the customer's stamped with System.nanoTime() in the simulator JVM: CLOCK_MONOTONIC, the same clock "
                        + "in both JVMs on Linux); rate = transcripts / (first emit → last delivery).")
                .note("Thread census at " + MAX + " library sessions: " + library.census + ".")
                .note("Largest heap growth per library session by class: " + library.full.growthSince(library.empty, MAX, 10)
                        + "; raw: " + raw.full.growthSince(raw.empty, MAX, 10) + ".")
                .write();
    }

    private static double heapKb(Pass pass, int n) {
        return (pass.readings.get(n)[0] - pass.readings.get(0)[0]) / 1024.0 / n;
    }

    private static double threads(Pass pass, int n) {
        return pass.readings.get(n)[1];
    }

    private static double share(Pass pass, String prefix) {
        return pass.full.growthOfPackage(pass.empty, prefix) / 1024.0 / MAX;
    }

    private static double otherLiberty(Pass pass) {
        return share(pass, "com.ibm.") + share(pass, "io.openliberty.") - share(pass, WEBSOCKET);
    }

    private static double jdk(Pass pass) {
        return pass.full.growthOfAll(pass.empty) / 1024.0 / MAX - share(pass, LIBRARY) - share(pass, "com.ibm.")
                - share(pass, "io.openliberty.") - share(pass, BENCH);
    }

    /** One library session and one raw socket through a whole cycle, so that pools and classes exist before the baseline. */
    private void warmUp() throws Exception {
        ChatSession session = chat.start(request(0));
        session.close();
        Session socket = RawChat.connect(new RawChatSocket(new Deliveries(), code -> { }), RawChat.createSession(0), null);
        socket.close();
        Simulator.reset();
    }

    private Pass libraryPass() throws Exception {
        Pass pass = begin();
        FanOut fanOut = new FanOut(MAX);
        List<ChatSession> sessions = new ArrayList<>(MAX);
        long start = System.nanoTime();
        for (int step : STEPS) {
            List<CompletableFuture<ChatSession>> inFlight = new ArrayList<>();
            while (sessions.size() + inFlight.size() < step) {
                int index = sessions.size() + inFlight.size();
                inFlight.add(chat.startAsync(request(index + 1), event -> {
                    if (event instanceof ChatEvent.Message m) {
                        fanOut.transcript(index, m.id(), m.speaker().name(), m.text(), System.nanoTime());
                    }
                }).toCompletableFuture());
                if (inFlight.size() == IN_FLIGHT || sessions.size() + inFlight.size() == step) {
                    CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                    inFlight.forEach(f -> sessions.add(f.join()));
                    inFlight.clear();
                }
            }
            pass.secondsTo.put(step, (System.nanoTime() - start) / 1e9);
            assertEquals(step, sessions.stream().filter(s -> s.connectionState() == ConnectionState.CONNECTED).count(),
                    "every library session is connected");
            long readingStart = System.nanoTime();
            pass.readings.put(step, reading());
            start += System.nanoTime() - readingStart;
        }
        pass.full = HeapHistogram.take();
        pass.census = census();
        fanOut(pass, fanOut, sessions.stream().map(ChatSession::sessionId).toList());
        sessions.forEach(ChatSession::close);
        awaitFileDescriptors(pass.fdsAtStart);
        Simulator.reset();
        return pass;
    }

    private Pass rawPass() throws Exception {
        Pass pass = begin();
        FanOut fanOut = new FanOut(MAX);
        List<Session> sockets = new ArrayList<>(MAX);
        List<String> ids = new ArrayList<>(MAX);
        ExecutorService openers = Executors.newFixedThreadPool(RAW_OPENERS);
        try {
            long start = System.nanoTime();
            for (int step : STEPS) {
                List<CompletableFuture<Map.Entry<String, Session>>> inFlight = new ArrayList<>();
                for (int index = sockets.size(); index < step; index++) {
                    int n = index;
                    inFlight.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            String id = RawChat.createSession(n + 1);
                            return Map.entry(id, RawChat.connect(new RawChatSocket((id2, speaker, text, now) ->
                                    fanOut.transcript(n, id2, speaker, text, now), code -> { }), id, null));
                        } catch (Exception e) {
                            throw new IllegalStateException("raw session " + n + " did not open", e);
                        }
                    }, openers));
                }
                CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                inFlight.forEach(f -> {
                    ids.add(f.join().getKey());
                    sockets.add(f.join().getValue());
                });
                pass.secondsTo.put(step, (System.nanoTime() - start) / 1e9);
                assertEquals(step, sockets.stream().filter(Session::isOpen).count(), "every raw socket is open");
                long readingStart = System.nanoTime();
                pass.readings.put(step, reading());
                start += System.nanoTime() - readingStart;
            }
        } finally {
            openers.shutdownNow();
        }
        pass.full = HeapHistogram.take();
        fanOut(pass, fanOut, ids);
        for (Session socket : sockets) {
            socket.close();
        }
        awaitFileDescriptors(pass.fdsAtStart);
        Simulator.reset();
        return pass;
    }

    /** One turn emitted to every session, {@value #EMITTERS} emit calls at a time; checks and records the deliveries. */
    private static void fanOut(Pass pass, FanOut fanOut, List<String> sessionIds) throws Exception {
        for (String id : List.of(sessionIds.get(0), sessionIds.get(sessionIds.size() - 1))) {
            SimSessions.awaitSockets(id, 1, WAIT);
        }
        ExecutorService emitters = Executors.newFixedThreadPool(EMITTERS);
        try {
            long start = System.nanoTime();
            List<CompletableFuture<Void>> emits = sessionIds.stream()
                    .map(id -> CompletableFuture.runAsync(() -> RawChat.emit(id, 1), emitters)).toList();
            CompletableFuture.allOf(emits.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            fanOut.await(2, WAIT);
            pass.fanOutRate = 2.0 * sessionIds.size() / ((fanOut.lastAt() - start) / 1e9);
        } finally {
            emitters.shutdownNow();
        }
        pass.fanOutLatency = fanOut.latency;
        pass.lost = fanOut.lost(2);
        pass.duplicated = fanOut.duplicated;
        pass.disordered = fanOut.disordered;
        assertEquals(0, pass.lost, "no transcript lost");
        assertEquals(0, pass.duplicated, "no transcript duplicated");
        assertEquals(0, pass.disordered, "every session's transcripts in order");
    }

    /** A pass's readings at 0 sessions. */
    private Pass begin() throws InterruptedException {
        Pass pass = new Pass();
        pass.fdsAtStart = Measure.openFileDescriptors();
        pass.readings.put(0, reading());
        pass.empty = HeapHistogram.take();
        return pass;
    }

    /** {heap bytes, live threads, open file descriptors}. */
    private long[] reading() throws InterruptedException {
        long heap = Measure.heapAfterGc();
        return new long[] {heap, threads.getThreadCount(), Measure.openFileDescriptors()};
    }

    /** Waits (bounded) until the sockets of a pass are closed, so that the next pass starts from the same point. */
    private static void awaitFileDescriptors(long atStart) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (Measure.openFileDescriptors() > atStart + 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
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

    /**
     * What {@code n} sessions received during the fan-out, per session: a count and the last transcript id (ids are
     * ordered per session), and the latency of the stamped customer transcripts. Kept in arrays, so that the
     * listeners cost the same few bytes per session on both sides.
     */
    static final class FanOut {
        private final int[] counts;
        private final String[] lastIds;
        final Samples latency = new Samples();
        int duplicated;
        int disordered;
        private int total;
        private long lastAt;

        FanOut(int n) {
            counts = new int[n];
            lastIds = new String[n];
        }

        synchronized void transcript(int session, String id, String speaker, String text, long now) {
            String last = lastIds[session];
            if (last != null && last.compareTo(id) >= 0) {
                if (last.equals(id)) {
                    duplicated++;
                } else {
                    disordered++;
                }
            }
            lastIds[session] = id;
            counts[session]++;
            total++;
            lastAt = now;
            if ("customer".equalsIgnoreCase(speaker) && text.startsWith("emit ")) {
                latency.add(now - Long.parseLong(text.substring(text.lastIndexOf(' ') + 1)));
            }
            notifyAll();
        }

        /** Waits until every session has {@code each} transcripts in all. */
        synchronized void await(int each, Duration timeout) throws InterruptedException, TimeoutException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (total < each * counts.length) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("fan-out: " + total + " of " + each * counts.length + " transcripts within " + timeout);
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }

        synchronized int lost(int each) {
            int lost = 0;
            for (int count : counts) {
                lost += Math.max(0, each - count);
            }
            return lost;
        }

        synchronized long lastAt() {
            return lastAt;
        }
    }

    @Test
    @Order(2)
    @RunAsClient
    void report() {
        BenchResults.publish(ID);
    }
}
