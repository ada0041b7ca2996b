package cx.wonderful.it.auth;

import cx.wonderful.microprofile.auth.Identity;
import cx.wonderful.microprofile.auth.TokenRefresher;
import cx.wonderful.microprofile.communications.ListCommunications;
import cx.wonderful.microprofile.communications.WonderfulCommunications;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An application's refresher that misbehaves as the test says: hangs (until interrupted by the library's shutdown,
 * at most a minute), or calls back into the library as the very user it is renewing a token for.
 */
@ApplicationScoped
public class HangingRefresher implements TokenRefresher {

    static volatile boolean reenter;
    private static final CountDownLatch NEVER = new CountDownLatch(1);
    static final AtomicInteger CALLS = new AtomicInteger();

    @Inject
    WonderfulCommunications communications;

    @Override
    public String refresh(String entityId) {
        CALLS.incrementAndGet();
        if (reenter) {
            communications.as(Identity.endUser(UUID.fromString(entityId))).list(ListCommunications.builder().build());
            return "never reached";
        }
        try {
            NEVER.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("gave up hanging");
    }
}
