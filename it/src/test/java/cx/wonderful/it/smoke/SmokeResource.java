package cx.wonderful.it.smoke;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;

/** The smoke WAR's endpoints on a server runtime (Payara Micro): {@code GET /smoke/run} runs {@link RuntimeSmoke}. */
@Path("run")
public class SmokeResource {

    @Inject
    RuntimeSmoke smoke;

    /** Answers once the WAR is deployed, without touching the library. */
    @GET
    @Path("/deployed")
    @Produces(MediaType.TEXT_PLAIN)
    public String deployed() {
        return "deployed";
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject run() {
        JsonObjectBuilder results = Json.createObjectBuilder();
        smoke.run().forEach(results::add);
        return results.build();
    }

    /** The JAX-RS application of the smoke WAR. */
    @ApplicationPath("/")
    public static class SmokeApplication extends Application {
    }
}
