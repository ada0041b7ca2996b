package cx.wonderful.it.auth;

import cx.wonderful.microprofile.auth.TokenRefresher;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/** An application's refresher that hands out whatever token the test put in {@link #next}, counting its calls. */
@ApplicationScoped
public class RevokedTokenRefresher implements TokenRefresher {

    static volatile String next;
    static final AtomicInteger CALLS = new AtomicInteger();

    @Override
    public String refresh(String entityId) {
        CALLS.incrementAndGet();
        return next;
    }
}
