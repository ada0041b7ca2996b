package cx.wonderful.simulator;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /__simulator/ping} answers {@code ok} without a credential: a readiness probe for scripts and tests. */
@Path("/__simulator/ping")
public class HealthResource {
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String ping() {
        return "ok";
    }
}
