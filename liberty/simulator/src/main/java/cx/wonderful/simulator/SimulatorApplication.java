package cx.wonderful.simulator;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The simulator's REST endpoints, served from the context root so paths match the real API. */
@ApplicationPath("/")
public class SimulatorApplication extends Application {
}
