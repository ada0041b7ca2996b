package cx.wonderful.it.bench;

import cx.wonderful.it.support.Simulator;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** What the simulator reports about a chat session, through its admin API. */
final class SimSessions {

    private SimSessions() {
    }

    /** The number of sockets attached to session {@code id} on the server now. */
    static int sockets(String id) {
        JsonObject answer = (JsonObject) Simulator.admin("GET", "/__admin/sessions/" + id, null);
        return answer.getJsonObject("data").getInt("sockets");
    }

    /**
     * Waits until the server has attached {@code count} sockets to session {@code id}: a client's open callback can
     * run before the server's, and a drop or an emit must find the socket attached.
     */
    static void awaitSockets(String id, int count, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int now;
        while ((now = sockets(id)) != count) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("session " + id + " has " + now + " sockets attached, expected " + count);
            }
            Thread.sleep(2);
        }
    }
}
