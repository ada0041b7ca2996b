package cx.wonderful.it.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Test WARs as an application would ship them: the library's real jar (the one this build made) in WEB-INF/lib,
 * the test's own classes, and this support package.
 */
public final class Deployments {

    private Deployments() {
    }

    /** A CDI-enabled WAR named {@code name} with the library jar and the given classes. */
    public static WebArchive war(String name, Class<?>... classes) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsLibrary(libraryJar())
                .addPackage(Deployments.class.getPackage())
                .addClasses(classes)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        String simulatorConfig = simulatorConfig();
        return simulatorConfig.isEmpty() ? war
                : war.addAsResource(new StringAsset(simulatorConfig), "META-INF/microprofile-config.properties");
    }

    /** {@link #war} with a {@code META-INF/microprofile-config.properties} of its own (overrides the server's defaults). */
    public static WebArchive war(String name, String microprofileConfig, Class<?>... classes) {
        WebArchive war = war(name, classes);
        war.delete("/WEB-INF/classes/META-INF/microprofile-config.properties");
        return war.addAsResource(new StringAsset(simulatorConfig() + microprofileConfig), "META-INF/microprofile-config.properties");
    }

    /**
     * In the strict contract run, the library of every test WAR talks to the strict simulator
     * ({@code /strict}, see it/pom.xml and the IT server.xml); empty otherwise.
     */
    private static String simulatorConfig() {
        String context = Simulator.context();
        String port = System.getProperty("it.http.port");
        return context.isEmpty() || port == null ? "" : "wonderful.base-url=http://localhost:" + port + context + "\n";
    }

    /** The library jar exactly as built by the src module. */
    public static JavaArchive libraryJar() {
        String path = System.getProperty("it.library.jar");
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("the library jar is not built (system property it.library.jar = " + path
                    + "); run the tests through Maven from the repository root");
        }
        return ShrinkWrap.createFromZipFile(JavaArchive.class, new File(path));
    }
}
