package cx.wonderful.simulator.admin;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The pending faults, first added first matched; each use counts down and a used-up fault disappears. */
public final class FaultRegistry {

    private final List<Fault> faults = new ArrayList<>();
    private long nextId = 1;

    /** Adds a fault built with the next id. */
    public synchronized Fault add(String method, String pathPrefix, int times, boolean handshakesOnly, long delayMs,
            boolean reset, int status, JsonObject body) {
        Fault fault = new Fault(nextId++, method == null ? null : method.toUpperCase(Locale.ROOT),
                pathPrefix, times, handshakesOnly, delayMs, reset, status, body);
        faults.add(fault);
        return fault;
    }

    /** Takes one use of the first fault matching the request, if any. */
    public synchronized Optional<Fault> take(String method, String path, boolean webSocket) {
        for (int i = 0; i < faults.size(); i++) {
            Fault fault = faults.get(i);
            if (fault.matches(method, path, webSocket)) {
                if (fault.times() == 1) {
                    faults.remove(i);
                } else {
                    faults.set(i, fault.used());
                }
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }

    public synchronized List<Fault> pending() {
        return List.copyOf(faults);
    }

    public synchronized void clear() {
        faults.clear();
    }
}
