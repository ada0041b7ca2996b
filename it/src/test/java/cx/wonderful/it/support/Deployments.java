package cx.wonderful.it.support;

import cx.wonderful.testkit.WonderfulDeployments;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Test WARs as an application would ship them, built by the test kit ({@link WonderfulDeployments}: the library's
 * real jar, the one this build made, and the test kit in WEB-INF/lib), plus the test's own classes and this support
 * package.
 */
public final class Deployments {

    private Deployments() {
    }

    /** A CDI-enabled WAR named {@code name} with the library jar and the given classes. */
    public static WebArchive war(String name, Class<?>... classes) {
        return WonderfulDeployments.war(name)
                .addPackage(Deployments.class.getPackage())
                .addClasses(classes);
    }

    /** {@link #war} with a {@code META-INF/microprofile-config.properties} of its own (overrides the server's defaults). */
    public static WebArchive war(String name, String microprofileConfig, Class<?>... classes) {
        return war(name, classes).addAsResource(new StringAsset(microprofileConfig), "META-INF/microprofile-config.properties");
    }
}
