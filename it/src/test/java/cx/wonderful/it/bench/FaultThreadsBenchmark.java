package cx.wonderful.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cx.wonderful.it.support.Simulator;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.chat.ChatSession;
import cx.wonderful.microprofile.chat.ParticipantType;
import cx.wonderful.microprofile.chat.StartChat;
import cx.wonderful.microprofile.chat.WonderfulChat;
import cx.wonderful.microprofile.communications.ListCommunications;
import cx.wonderful.microprofile.communications.WonderfulCommunications;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Benchmark 8, threads under faults: {@value #SESSIONS} chat sessions sending in a loop and {@value #LISTERS} loops of
 * {@code communications.listAsync}, while the simulator answers normally (the baseline), then delays every call,
 * then fails them with 503, then resets their connections. Every {@value #SAMPLE_MS} ms the library's threads are
 * sampled ({@link ThreadMXBean}, with stacks): a thread of the library's own pools ({@code wonderful-*}) or one
 * running library code (a {@code cx.wonderful.microprofile} frame, no application frame) is <em>asleep</em> when
 * it is in {@link Thread#sleep}, <em>parked</em> when it waits (parks) in library code itself; a thread waiting
 * for a server's answer inside the HTTP client is counted apart (a blocking call on the library's bounded command
 * pool is by design), and so is one waiting for a monitor. Asserted: no library thread asleep or parked under any
 * fault, and every call completed (answered or failed with a {@link WonderfulException}).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultThreadsBenchmark {

    static final String ID = "8-faults";
    private static final int SESSIONS = 10;
    private static final int LISTERS = 8;
    private static final int SAMPLE_MS = 10;
    private static final Duration PHASE = Duration.ofSeconds(4);
    private static final String WARM_UP = "warm-up";
    private static final Duration CALL_WAIT = Duration.ofSeconds(60);
    private static final int DELAY_MS = 300;
    private static final String CHAT_PATH = "/api/workspace/";
    private static final String LIST_PATH = "/api/v1/communications";
    private static final String LIBRARY = "cx.wonderful.microprofile.";
    private static final String APPLICATION = "cx.wonderful.it.";
    /** Frames of a call in flight: the runtime's HTTP client (Liberty's RESTEasy uses Apache HttpClient) and sockets. */
    private static final List<String> NETWORK = List.of("org.apache.http.", "sun.nio.ch.", "java.net.Socket", "sun.net.",
            "jdk.internal.net.http.");

    @Deployment
    static WebArchive deployment() {
        return BenchDeployments.war("bench-faults", "wonderful.retry-delay=50ms\n", FaultThreadsBenchmark.class);
    }

    @Inject
    WonderfulChat chat;
    @Inject
    WonderfulCommunications communications;

    private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();

    /** What the sampler saw during one phase. */
    private static final class Phase {
        final String name;
        int samples;
        int maxAsleep;
        int maxBlocked;
        int maxMonitor;
        int maxInNetwork;
        int maxLibraryThreads;
        final Map<String, Integer> where = new TreeMap<>();
        final AtomicInteger ok = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();

        Phase(String name) {
            this.name = name;
        }
    }

    @Test
    @Order(1)
    void measure() throws Exception {
        Simulator.reset();
        List<ChatSession> sessions = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            sessions.add(chat.start(StartChat.from("bench-faults-" + i + "@acme.example", ParticipantType.EMAIL)));
        }
        ListCommunications query = ListCommunications.builder().limit(1).build();
        Map<String, String> faults = new LinkedHashMap<>();
        // Not sampled: the first transcripts and answers load and link the classes of their paths (a thread waiting
        // in the class loader is not one the library parks).
        faults.put(WARM_UP, null);
        faults.put("no fault (baseline)", null);
        faults.put("every call delayed " + DELAY_MS + " ms", "\"delay_ms\":" + DELAY_MS);
        faults.put("every call answered 503", "\"status\":503");
        faults.put("every connection reset", "\"reset\":true");
        List<Phase> phases = new ArrayList<>();
        ExecutorService loops = Executors.newFixedThreadPool(SESSIONS + LISTERS + 1);
        try {
            for (Map.Entry<String, String> fault : faults.entrySet()) {
                Phase phase = new Phase(fault.getKey());
                boolean sampled = !fault.getKey().equals(WARM_UP);
                if (sampled) {
                    phases.add(phase);
                }
                Simulator.admin("DELETE", "/__admin/faults", null);
                if (fault.getValue() != null) {
                    for (String path : List.of(CHAT_PATH, LIST_PATH)) {
                        Simulator.admin("POST", "/__admin/faults", "{\"path\":\"" + path + "\",\"times\":1000000," + fault.getValue() + "}");
                    }
                }
                AtomicBoolean running = new AtomicBoolean(true);
                List<CompletableFuture<Void>> work = new ArrayList<>();
                int n = 0;
                for (ChatSession session : sessions) {
                    int k = n++;
                    work.add(CompletableFuture.runAsync(() -> {
                        int i = 0;
                        while (running.get()) {
                            count(phase, session.send("faults " + k + " " + i++));
                        }
                    }, loops));
                }
                for (int i = 0; i < LISTERS; i++) {
                    work.add(CompletableFuture.runAsync(() -> {
                        while (running.get()) {
                            count(phase, communications.listAsync(query));
                        }
                    }, loops));
                }
                CompletableFuture<Void> sampler = sampled ? CompletableFuture.runAsync(() -> sample(phase, running), loops)
                        : CompletableFuture.completedFuture(null);
                Thread.sleep(PHASE.toMillis());
                running.set(false);
                CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).get(CALL_WAIT.toSeconds() * 2, TimeUnit.SECONDS);
                sampler.get(CALL_WAIT.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            Simulator.admin("DELETE", "/__admin/faults", null);
            loops.shutdownNow();
            sessions.forEach(ChatSession::close);
        }

        Phase baseline = phases.get(0);
        BenchTable table = new BenchTable(ID, "8. Library threads under faults (sampled every " + SAMPLE_MS + " ms)", "under the fault",
                "no fault");
        for (Phase phase : phases.subList(1, phases.size())) {
            table.row(phase.name + ": library threads asleep, most at once (samples: " + phase.samples + ")", phase.maxAsleep,
                            baseline.maxAsleep, "0", phase.maxAsleep == 0)
                    .row(phase.name + ": library threads parked (waiting) in library code, most at once", phase.maxBlocked,
                            baseline.maxBlocked, "0", phase.maxBlocked == 0)
                    .row(phase.name + ": library threads waiting for a monitor, most at once", phase.maxMonitor,
                            baseline.maxMonitor, null, null)
                    .row(phase.name + ": library threads waiting for an answer in the HTTP client, most at once",
                            phase.maxInNetwork, baseline.maxInNetwork, null, null)
                    .row(phase.name + ": library threads alive, most at once", phase.maxLibraryThreads, baseline.maxLibraryThreads,
                            null, null)
                    .row(phase.name + ": calls answered", phase.ok.get(), baseline.ok.get(), null, null)
                    .fact(phase.name + ": calls failed (typed)", String.valueOf(phase.failed.get()), null, null);
        }
        table.note(SESSIONS + " chat sessions each sending in a loop (ChatSession.send, awaited) and " + LISTERS + " loops of "
                        + "WonderfulCommunications.listAsync, for " + PHASE.toSeconds() + " s per phase; faults injected with the "
                        + "simulator's admin API on " + CHAT_PATH + " and " + LIST_PATH + " (wonderful.retry-delay=50ms).")
                .note("Library thread: named wonderful-* or running a " + LIBRARY + "* frame without an application frame; one "
                        + "without a library frame is idle. Asleep: in Thread.sleep. Waiting for an answer: an HTTP client or socket "
                        + "frame (" + NETWORK + ") on its stack. Parked: WAITING/TIMED_WAITING otherwise. Monitor: BLOCKED "
                        + "(reported, not asserted: brief contention inside the runtime's client, seen without faults too).")
                .note("Where the asleep or blocked library threads were (top library frame, samples): "
                        + phases.stream().filter(p -> !p.where.isEmpty()).map(p -> p.name + " " + p.where)
                                .collect(Collectors.joining("; ")) + (phases.stream().allMatch(p -> p.where.isEmpty()) ? "none" : "")
                        + ".")
                .write();
        for (Phase phase : phases) {
            assertEquals(0, phase.maxAsleep, phase.name + ": library threads asleep (retries must be scheduled, not slept): " + phase.where);
            assertEquals(0, phase.maxBlocked, phase.name + ": library threads parked in library code: " + phase.where);
        }
    }

    /** Waits (bounded) for one call; a typed failure is an answer too. */
    private static void count(Phase phase, CompletionStage<?> call) {
        try {
            call.toCompletableFuture().get(CALL_WAIT.toSeconds(), TimeUnit.SECONDS);
            phase.ok.incrementAndGet();
        } catch (ExecutionException | CompletionException e) {
            if (!(e.getCause() instanceof WonderfulException)) {
                throw new AssertionError("a call failed with something else than a WonderfulException", e.getCause());
            }
            phase.failed.incrementAndGet();
        } catch (TimeoutException e) {
            throw new AssertionError("a call did not complete within " + CALL_WAIT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sample(Phase phase, AtomicBoolean running) {
        while (running.get()) {
            int asleep = 0;
            int parked = 0;
            int monitor = 0;
            int inNetwork = 0;
            int library = 0;
            for (ThreadInfo info : mx.dumpAllThreads(false, false)) {
                if (info == null || !isLibraryThread(info)) {
                    continue;
                }
                library++;
                StackTraceElement[] stack = info.getStackTrace();
                if (!hasFrame(stack, LIBRARY)) {
                    continue; // an idle thread of the library's pools
                }
                Thread.State state = info.getThreadState();
                boolean sleeping = stack.length > 0 && stack[0].getClassName().equals("java.lang.Thread")
                        && stack[0].getMethodName().startsWith("sleep");
                if (sleeping) {
                    asleep++;
                    phase.where.merge("asleep in " + topLibraryFrame(stack), 1, Integer::sum);
                } else if (isInNetwork(stack)) {
                    inNetwork++;
                } else if (state == Thread.State.BLOCKED) {
                    monitor++;
                    phase.where.merge("BLOCKED (monitor) under " + topLibraryFrame(stack), 1, Integer::sum);
                } else if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
                    parked++;
                    phase.where.merge(state + " in " + topLibraryFrame(stack), 1, Integer::sum);
                }
            }
            phase.samples++;
            phase.maxAsleep = Math.max(phase.maxAsleep, asleep);
            phase.maxBlocked = Math.max(phase.maxBlocked, parked);
            phase.maxMonitor = Math.max(phase.maxMonitor, monitor);
            phase.maxInNetwork = Math.max(phase.maxInNetwork, inNetwork);
            phase.maxLibraryThreads = Math.max(phase.maxLibraryThreads, library);
            try {
                Thread.sleep(SAMPLE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The library's own pool threads, or any thread running library code on the application's behalf elsewhere. */
    private static boolean isLibraryThread(ThreadInfo info) {
        StackTraceElement[] stack = info.getStackTrace();
        if (hasFrame(stack, APPLICATION)) {
            return false;
        }
        return hasFrame(stack, LIBRARY) || info.getThreadName().startsWith("wonderful-");
    }

    /** In a request of the HTTP client, or a socket read or write under it. */
    private static boolean isInNetwork(StackTraceElement[] stack) {
        for (String prefix : NETWORK) {
            if (hasFrame(stack, prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasFrame(StackTraceElement[] stack, String classPrefix) {
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().startsWith(classPrefix)) {
                return true;
            }
        }
        return false;
    }

    private static String topLibraryFrame(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().startsWith(LIBRARY)) {
                return frame.getClassName().substring(LIBRARY.length()) + "." + frame.getMethodName();
            }
        }
        return "?";
    }

    @Test
    @Order(2)
    @RunAsClient
    void report() {
        BenchResults.publish(ID);
    }
}
