package cx.wonderful.it.sessions;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The test relay's JAX-RS application: {@code /<war>/relay/...}. */
@ApplicationPath("relay")
public class RelayApplication extends Application {
}
