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
        WebArchive war = WonderfulDeployments.war(name)
                .addPackage(Deployments.class.getPackage())
                .addClasses(classes);
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
     * In the strict contract run, the library of every test WAR talks to the strict simulator ({@code /strict}, see
     * it/pom.xml and the IT server.xml); empty otherwise.
     */
    private static String simulatorConfig() {
        return Simulator.context().isEmpty() ? "" : "wonderful.base-url=" + Simulator.baseUrl() + "\n";
    }
}
