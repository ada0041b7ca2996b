package cx.wonderful.it.bench;

import cx.wonderful.it.support.Deployments;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Benchmark WARs: the library, the benchmark's classes, this package's plumbing, and where to write the results. */
final class BenchDeployments {

    private BenchDeployments() {
    }

    /**
     * A WAR whose {@code microprofile-config.properties} holds {@code config} (library settings that override the
     * server's defaults) and the results directory.
     */
    static WebArchive war(String name, String config, Class<?>... classes) {
        String properties = BenchTable.RESULTS_DIR_KEY + "=" + BenchResults.dir() + "\n" + config;
        return Deployments.war(name, properties, classes)
                .addClasses(Samples.class, BenchTable.class, BenchResults.class, BenchDeployments.class, Deliveries.class,
                        RawChat.class, RawChatSocket.class, Measure.class, SimSessions.class,
                        HeapHistogram.class, Jfr.class);
    }
}
