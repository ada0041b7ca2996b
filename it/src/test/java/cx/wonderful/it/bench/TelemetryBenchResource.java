package cx.wonderful.it.bench;

import cx.wonderful.microprofile.chat.ChatSession;
import cx.wonderful.microprofile.chat.ParticipantType;
import cx.wonderful.microprofile.chat.StartChat;
import cx.wonderful.microprofile.chat.WonderfulChat;
import cx.wonderful.microprofile.internal.telemetry.Telemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.Config;

/**
 * One variant of {@link TelemetryBenchmark}: chat sends timed inside a request of this application, whose
 * telemetry is absent, off or on depending on how it was deployed.
 */
@Path("/bench")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class TelemetryBenchResource {

    @Inject
    WonderfulChat chat;
    @Inject
    BeanManager beanManager;
    @Inject
    Config config;

    private ChatSession session;
    private int sent;

    /** What this deployment's library sees: the OpenTelemetry API, and whether it records. */
    @GET
    @Path("mode")
    public JsonObject mode() {
        boolean visible;
        try {
            Class.forName("io.opentelemetry.api.OpenTelemetry", false, Telemetry.class.getClassLoader());
            visible = true;
        } catch (ClassNotFoundException e) {
            visible = false;
        }
        return Json.createObjectBuilder().add("apiVisible", visible).add("recording", Telemetry.fromCdi(beanManager, config).recording()).build();
    }

    /** {@code n} sends, one after the other, each timed from the call to the server's acceptance (nanoseconds). */
    @POST
    @Path("send")
    public synchronized JsonObject send(@QueryParam("n") int n) throws Exception {
        if (session == null) {
            session = chat.start(StartChat.from("bench-telemetry@acme.example", ParticipantType.EMAIL));
        }
        JsonArrayBuilder nanos = Json.createArrayBuilder();
        for (int i = 0; i < n; i++) {
            String text = "telemetry bench " + ++sent;
            long start = System.nanoTime();
            session.send(text).toCompletableFuture().get(30, TimeUnit.SECONDS);
            nanos.add(System.nanoTime() - start);
        }
        return Json.createObjectBuilder().add("nanos", nanos).build();
    }

    @POST
    @Path("end")
    public synchronized JsonObject end() throws Exception {
        if (session != null) {
            session.end().toCompletableFuture().get(30, TimeUnit.SECONDS);
            session = null;
        }
        return JsonObject.EMPTY_JSON_OBJECT;
    }

    @ApplicationPath("/")
    public static class App extends Application {
    }
}
