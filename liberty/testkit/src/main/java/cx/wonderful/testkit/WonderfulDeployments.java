package cx.wonderful.testkit;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Test archives (ShrinkWrap) as an application ships: the library's jar in {@code WEB-INF/lib}, exactly the one on
 * the test's class path (the version the application builds with), and this test kit's jar, so that a test running
 * inside the server can use {@link WonderfulSimulator} too.
 *
 * <pre>{@code
 * @Deployment
 * static WebArchive deployment() {
 *     return WonderfulDeployments.war("orders-it").addPackage(OrderResource.class.getPackage());
 * }
 * }</pre>
 */
public final class WonderfulDeployments {

    private static final String LIBRARY_CLASS = "cx.wonderful.microprofile.Wonderful";

    private WonderfulDeployments() {
    }

    /** A CDI-enabled WAR named {@code name}.war with the library and the test kit in {@code WEB-INF/lib}. */
    public static WebArchive war(String name) {
        return ShrinkWrap.create(WebArchive.class, Objects.requireNonNull(name, "name") + ".war")
                .addAsLibraries(libraryJar(), testKitJar())
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    /**
     * {@link #war(String)} with a {@code META-INF/microprofile-config.properties} holding {@code config} (for
     * example {@link WonderfulSimulator#libraryConfig()}): it overrides the server's variables for this archive.
     */
    public static WebArchive war(String name, Map<String, String> config) {
        return war(name).addAsResource(new StringAsset(properties(config)), "META-INF/microprofile-config.properties");
    }

    /** {@code config} as a properties file (keys and values written as given: URLs and ids need no escaping). */
    static String properties(Map<String, String> config) {
        return config.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n", "", "\n"));
    }

    /**
     * The library's jar from the test class path ({@code cx.wonderful:wonderful-microprofile}, which the
     * application depends on anyway).
     *
     * @throws IllegalStateException when the library is not on the class path
     */
    public static JavaArchive libraryJar() {
        try {
            return archiveOf(Class.forName(LIBRARY_CLASS), "wonderful-microprofile.jar");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the library (cx.wonderful:wonderful-microprofile) is not on the test class path", e);
        }
    }

    /** This test kit's own jar. */
    public static JavaArchive testKitJar() {
        return archiveOf(WonderfulDeployments.class, "wonderful-microprofile-testkit.jar");
    }

    /** The jar (or, in an IDE or a reactor build that did not package it, the class folder) {@code type} comes from. */
    private static JavaArchive archiveOf(Class<?> type, String nameIfFolder) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("cannot tell where " + type.getName() + " was loaded from");
        }
        Path location;
        try {
            location = Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read the location of " + type.getName() + ": " + source.getLocation(), e);
        }
        if (Files.isDirectory(location)) {
            return ShrinkWrap.create(ExplodedImporter.class, nameIfFolder).importDirectory(location.toFile()).as(JavaArchive.class);
        }
        File jar = location.toFile();
        return ShrinkWrap.createFromZipFile(JavaArchive.class, jar);
    }
}
