package cx.wonderful.it.auth;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS at the root of the test WAR. */
@ApplicationPath("/")
public class TokenApplication extends Application {
}
