package cx.wonderful.it.demo;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The demo application as the ITs deploy and call it: the war exactly as the liberty/demo module built it, and its
 * user, which the IT server's basic registry defines (it/src/test/liberty/config/server.xml).
 */
final class DemoApp {

    /** The demo user of the IT server's registry, as in liberty/server's server.xml. */
    static final String USER = "demo";
    static final String PASSWORD = "wonderful-demo";

    private DemoApp() {
    }

    /** The built demo war, deployed as demo.war (context root /demo, as on the run server). */
    static WebArchive war() {
        String path = System.getProperty("it.demo.war");
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("the demo war is not built (system property it.demo.war = " + path
                    + "); run the tests through Maven from the repository root");
        }
        return ShrinkWrap.create(WebArchive.class, "demo.war")
                .merge(ShrinkWrap.createFromZipFile(WebArchive.class, new File(path)));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static HttpRequest.Builder post(URL base, String path, String authorization, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        return authorization == null ? request : request.header("Authorization", authorization);
    }
}
