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
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsLibrary(libraryJar())
                .addPackage(Deployments.class.getPackage())
                .addClasses(classes)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    /** {@link #war} with a {@code META-INF/microprofile-config.properties} of its own (overrides the server's defaults). */
    public static WebArchive war(String name, String microprofileConfig, Class<?>... classes) {
        return war(name, classes).addAsResource(new StringAsset(microprofileConfig), "META-INF/microprofile-config.properties");
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
