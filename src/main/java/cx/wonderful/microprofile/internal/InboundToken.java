package cx.wonderful.microprofile.internal;

import cx.wonderful.microprofile.rest.InboundTokenFilter;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The bearer token of the JAX-RS request being served, as {@link InboundTokenFilter} found it. Only read when the
 * application asks for it ({@code Identity.inboundToken()}); never logged, {@link #toString()} never shows it.
 */
@RequestScoped
public class InboundToken {

    private volatile String token;
    private volatile boolean seen;

    public void set(String bearerToken) {
        this.token = bearerToken;
        this.seen = true;
    }

    /** The inbound request's bearer token; empty when it carried none. */
    public Optional<String> token() {
        return Optional.ofNullable(token);
    }

    /** Whether the filter saw the request at all (false when the application does not register it). */
    public boolean seen() {
        return seen;
    }

    @Override
    public String toString() {
        return "InboundToken[" + (token == null ? "none" : "present, not shown") + "]";
    }
}
