package cx.wonderful.simulator.chat;

import cx.wonderful.simulator.accounts.Accounts;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Sends every open agent chat socket a protocol ping frame at the configured interval (5 s by default). */
@ApplicationScoped
public class SocketPinger {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "wonderful-simulator-pinger");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    Accounts accounts;

    /** Starts pinging; cancel the returned future when the socket closes. */
    public ScheduledFuture<?> schedule(Runnable ping) {
        long millis = accounts.pingInterval().toMillis();
        return timer.scheduleAtFixedRate(ping, millis, millis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
