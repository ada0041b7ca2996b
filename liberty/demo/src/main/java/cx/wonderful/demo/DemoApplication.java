package cx.wonderful.demo;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The demo backend's endpoints, under /api as in the seed. */
@ApplicationPath("/api")
public class DemoApplication extends Application {
}
