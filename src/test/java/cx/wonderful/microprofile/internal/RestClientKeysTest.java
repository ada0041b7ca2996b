package cx.wonderful.microprofile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import cx.wonderful.microprofile.ErrorCode;
import cx.wonderful.microprofile.WonderfulException;
import cx.wonderful.microprofile.internal.RecordingServer.Reply;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLSession;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every standard {@code <configKey>/mp-rest/*} key acts on the library's rest clients, both the MicroProfile Rest
 * Client ones and the Jakarta REST client of {@link EncodedQueryClient}: each test fails if its key is ignored. The
 * key {@code scope}, and every malformed value, is a {@code CONFIGURATION_ERROR} that never shows a password.
 */
class RestClientKeysTest {

    private static final String API_KEY = "rest-keys-api-key-0123456789";
    private static final String PATH = "/api/v1/echo/x";

    @TempDir
    java.nio.file.Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();

    /** The two kinds of client the library builds. */
    enum Kind {
        REST_CLIENT {
            @Override
            JsonObject call(RestClients clients) {
                return clients.create(EchoApi.class, "echo").read("x");
            }
        },
        ENCODED_QUERY {
            @Override
            JsonObject call(RestClients clients) {
                return clients.encodedQueryClient(EchoApi.class, "echo").get(PATH, "a=b");
            }
        };

        abstract JsonObject call(RestClients clients);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
        TestConfigs.releaseGlobal();
    }

    private RestClients clients(String baseUrl, String... keyValues) {
        List<String> all = new ArrayList<>(List.of(Setting.BASE_URL.key(), baseUrl, Setting.API_KEY.key(), API_KEY));
        all.addAll(List.of(keyValues));
        Config config = TestConfigs.of(all.toArray(String[]::new));
        RestClients clients = new RestClients(config, WonderfulSettings.from(config),
                new FixedCredential(new Credential(CredentialKind.API_KEY, API_KEY)));
        open.add(clients::closeAll);
        return clients;
    }

    private <T extends AutoCloseable> T keep(T closeable) {
        open.add(closeable);
        return closeable;
    }

    /** The answer's id, or what went wrong: for calls that must not succeed the way the key makes them. */
    private static String idOf(Supplier<JsonObject> call) {
        try {
            JsonObject answer = call.get();
            return answer == null ? "no body" : answer.getString("id", "no id");
        } catch (RuntimeException e) {
            return "failed: " + e;
        }
    }

    private static WonderfulException configurationError(Runnable build) {
        WonderfulException error = assertThrows(WonderfulException.class, build::run);
        assertEquals(ErrorCode.CONFIGURATION_ERROR, error.code(), error.getMessage());
        return error;
    }

    /** An HTTPS server for one test, and a PKCS12 trust store that trusts it. */
    private record Tls(TlsFixtures.Server server, java.nio.file.Path keys, java.nio.file.Path trust) {
        String base() {
            return server.uri().toString();
        }

        /** The trust store keys, and {@code more}. */
        String[] withTrust(String... more) {
            List<String> all = new ArrayList<>(List.of("echo/mp-rest/trustStore", trust.toString(),
                    "echo/mp-rest/trustStorePassword", TlsFixtures.PASSWORD, "echo/mp-rest/trustStoreType", "PKCS12"));
            all.addAll(List.of(more));
            return all.toArray(String[]::new);
        }
    }

    private Tls tls(String san, boolean needClientAuth) throws Exception {
        java.nio.file.Path keys = TlsFixtures.keyPair(dir, "server", "wonderful-test-server", san);
        return new Tls(keep(new TlsFixtures.Server(keys, needClientAuth)), keys, TlsFixtures.trustStoreFor(keys, dir, "PKCS12"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void trustStoreWithItsPasswordAndTypeMakesTheTlsCallSucceed(Kind kind) throws Exception {
        Tls tls = tls("ip:127.0.0.1,dns:localhost", false);

        assertTrue(idOf(() -> kind.call(clients(tls.base()))).startsWith("failed"), "the JVM's default trust store does not trust it");
        assertEquals("tls", kind.call(clients(tls.base(), tls.withTrust())).getString("id"));
    }

    @Test
    void aClasspathTrustStoreIsReadWithTheApplicationsClassLoader() throws Exception {
        Tls tls = tls("ip:127.0.0.1", false);
        java.nio.file.Path resources = Files.createDirectories(dir.resolve("app-classes/certs"));
        Files.copy(tls.trust(), resources.resolve("trust.p12"));
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader application = new URLClassLoader(new URL[] {dir.resolve("app-classes").toUri().toURL()}, before)) {
            thread.setContextClassLoader(application);
            assertEquals("tls", Kind.REST_CLIENT.call(clients(tls.base(), "echo/mp-rest/trustStore",
                    "classpath:/certs/trust.p12", "echo/mp-rest/trustStorePassword", TlsFixtures.PASSWORD,
                    "echo/mp-rest/trustStoreType", "PKCS12")).getString("id"));
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Test
    void theTrustStorePasswordAndTypeAreTheOnesConfigured() throws Exception {
        Tls tls = tls("ip:127.0.0.1", false);
        java.nio.file.Path jks = TlsFixtures.trustStoreFor(tls.keys(), dir, "JKS");
        String base = tls.base();

        assertEquals("tls", Kind.REST_CLIENT.call(clients(base, "echo/mp-rest/trustStore", jks.toString(),
                "echo/mp-rest/trustStorePassword", TlsFixtures.PASSWORD)).getString("id"), "JKS by default");
        WonderfulException wrongPassword = configurationError(() -> clients(base, "echo/mp-rest/trustStore", jks.toString(),
                "echo/mp-rest/trustStorePassword", "wrong-password-42").create(EchoApi.class, "echo"));
        assertTrue(wrongPassword.getMessage().contains("echo/mp-rest/trustStore"), wrongPassword.getMessage());
        assertFalse(wrongPassword.getMessage().contains("wrong-password-42"), wrongPassword.getMessage());
        // The JDK's JKS and PKCS12 types read either format; JCEKS reads no PKCS12 file.
        java.nio.file.Path pkcs12 = tls.trust();
        WonderfulException wrongType = configurationError(() -> clients(base, "echo/mp-rest/trustStore", pkcs12.toString(),
                "echo/mp-rest/trustStorePassword", TlsFixtures.PASSWORD, "echo/mp-rest/trustStoreType", "JCEKS")
                .create(EchoApi.class, "echo"));
        assertTrue(wrongType.getMessage().contains("as JCEKS"), wrongType.getMessage());
        WonderfulException noSuchType = configurationError(() -> clients(base, "echo/mp-rest/trustStore", pkcs12.toString(),
                "echo/mp-rest/trustStoreType", "NO-SUCH-TYPE").create(EchoApi.class, "echo"));
        assertTrue(noSuchType.getMessage().contains("echo/mp-rest/trustStoreType is not a key store type"), noSuchType.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void keyStoreSendsTheClientCertificate(Kind kind) throws Exception {
        Tls tls = tls("ip:127.0.0.1", true);
        java.nio.file.Path client = TlsFixtures.keyPair(dir, "client", "wonderful-test-client", "dns:client.invalid");

        assertTrue(idOf(() -> kind.call(clients(tls.base(), tls.withTrust()))).startsWith("failed"), "the server wants a certificate");
        assertEquals("tls", kind.call(clients(tls.base(), tls.withTrust("echo/mp-rest/keyStore", client.toUri().toString(),
                "echo/mp-rest/keyStorePassword", TlsFixtures.PASSWORD, "echo/mp-rest/keyStoreType", "PKCS12"))).getString("id"));
        assertTrue(tls.server().clientSubjects.contains("CN=wonderful-test-client"), tls.server().clientSubjects.toString());
    }

    @Test
    void aKeyStoreNeedsItsPasswordAndIsReadAsItsType() throws Exception {
        java.nio.file.Path client = TlsFixtures.keyPair(dir, "client", "wonderful-test-client", "dns:client.invalid");
        WonderfulException error = configurationError(() -> clients("https://127.0.0.1:1", "echo/mp-rest/keyStore",
                client.toString(), "echo/mp-rest/keyStoreType", "PKCS12").create(EchoApi.class, "echo"));
        assertTrue(error.getMessage().contains("echo/mp-rest/keyStorePassword is required"), error.getMessage());
        // JCEKS reads no PKCS12 file (the JDK's JKS and PKCS12 types read either format).
        WonderfulException wrongType = configurationError(() -> clients("https://127.0.0.1:1", "echo/mp-rest/keyStore",
                client.toString(), "echo/mp-rest/keyStorePassword", TlsFixtures.PASSWORD, "echo/mp-rest/keyStoreType", "JCEKS")
                .create(EchoApi.class, "echo"));
        assertTrue(wrongType.getMessage().contains("echo/mp-rest/keyStore: could not load") && wrongType.getMessage().contains("as JCEKS"),
                wrongType.getMessage());
        assertFalse(wrongType.getMessage().contains(TlsFixtures.PASSWORD), wrongType.getMessage());
    }

    /** Accepts every host name, and counts the times it was asked. */
    public static final class AcceptingVerifier implements HostnameVerifier {
        static final AtomicInteger CALLS = new AtomicInteger();

        @Override
        public boolean verify(String hostname, SSLSession session) {
            CALLS.incrementAndGet();
            return true;
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void hostnameVerifierDecidesForACertificateOfAnotherName(Kind kind) throws Exception {
        Tls tls = tls("dns:elsewhere.invalid", false);

        assertTrue(idOf(() -> kind.call(clients(tls.base(), tls.withTrust()))).startsWith("failed"), "the name does not match");
        int before = AcceptingVerifier.CALLS.get();
        assertEquals("tls", kind.call(clients(tls.base(), tls.withTrust("echo/mp-rest/hostnameVerifier",
                AcceptingVerifier.class.getName()))).getString("id"));
        assertTrue(AcceptingVerifier.CALLS.get() > before);
    }

    /** A forward proxy that answers every request itself and keeps the request line's target. */
    private static final class CountingProxy implements AutoCloseable {
        final List<String> targets = new CopyOnWriteArrayList<>();
        private final HttpServer server;

        CountingProxy() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    targets.add(exchange.getRequestURI().toString());
                    byte[] body = "{\"id\":\"proxied\"}".getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
            });
            server.setExecutor(Executors.newFixedThreadPool(2));
            server.start();
        }

        String address() {
            return "127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void proxyAddressRoutesTheCallsThroughTheProxy(Kind kind) throws Exception {
        CountingProxy proxy = keep(new CountingProxy());
        String base = "http://wonderful-target.invalid:8089";

        assertTrue(idOf(() -> kind.call(clients(base))).startsWith("failed"), "no such host without the proxy");
        assertEquals("proxied", kind.call(clients(base, "echo/mp-rest/proxyAddress", proxy.address())).getString("id"));
        assertEquals(1, proxy.targets.size(), proxy.targets.toString());
        assertTrue(proxy.targets.get(0).startsWith("http://wonderful-target.invalid:8089" + PATH), proxy.targets.toString());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void followRedirectsFollowsA302(Kind kind) throws Exception {
        RecordingServer server = keep(new RecordingServer(request -> request.path().equals(PATH)
                ? new Reply(302, null).withHeader("Location", "/api/v1/echo/target")
                : Reply.json(200, "{\"id\":\"redirected\"}")));
        String base = server.uri().toString();

        assertNotEquals("redirected", idOf(() -> kind.call(clients(base, "echo/mp-rest/followRedirects", "false"))));
        assertEquals("redirected", kind.call(clients(base, "echo/mp-rest/followRedirects", "true")).getString("id"));
        assertEquals("redirected", kind.call(clients(base, EchoApi.class.getName() + "/mp-rest/followRedirects", "true"))
                .getString("id"), "the interface's name as the key's prefix");
    }

    /** Appends {@code a} to the {@code X-Order} header. */
    public static final class OrderA implements ClientRequestFilter {
        @Override
        public void filter(ClientRequestContext request) {
            append(request, "a");
        }
    }

    /** Appends {@code b} to the {@code X-Order} header. */
    public static final class OrderB implements ClientRequestFilter {
        @Override
        public void filter(ClientRequestContext request) {
            append(request, "b");
        }
    }

    private static void append(ClientRequestContext request, String mark) {
        Object before = request.getHeaders().getFirst("X-Order");
        request.getHeaders().putSingle("X-Order", (before == null ? "" : before) + mark);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void providersAreRegisteredInTheirConfiguredPriority(Kind kind) throws Exception {
        RecordingServer server = keep(new RecordingServer(request -> Reply.json(200, "{\"id\":\"ok\"}")));
        String base = server.uri().toString();
        String providers = OrderA.class.getName() + ", " + OrderB.class.getName();

        kind.call(clients(base, "echo/mp-rest/providers", providers,
                "echo/mp-rest/providers/" + OrderA.class.getName() + "/priority", "200",
                "echo/mp-rest/providers/" + OrderB.class.getName() + "/priority", "100"));
        kind.call(clients(base, "echo/mp-rest/providers", providers,
                "echo/mp-rest/providers/" + OrderA.class.getName() + "/priority", "100",
                "echo/mp-rest/providers/" + OrderB.class.getName() + "/priority", "200"));
        assertEquals(List.of("ba", "ab"), server.requests().stream().map(r -> r.header("x-order")).toList());
    }

    /** A query parameter with several values. */
    @Path("/api/v1/echo")
    public interface ListQueryApi {
        @GET
        @Path("q")
        @Produces(MediaType.APPLICATION_JSON)
        JsonObject query(@QueryParam("v") List<String> values);
    }

    @Test
    void queryParamStyleShapesAMultiValuedQuery() throws Exception {
        CountingProxy server = keep(new CountingProxy());
        String base = "http://" + server.address();

        clients(base).create(ListQueryApi.class, "echo").query(List.of("a", "b"));
        clients(base, "echo/mp-rest/queryParamStyle", "COMMA_SEPARATED").create(ListQueryApi.class, "echo").query(List.of("a", "b"));
        clients(base, "echo/mp-rest/queryParamStyle", "array_pairs").create(ListQueryApi.class, "echo").query(List.of("a", "b"));
        List<String> queries = server.targets.stream().map(t -> java.net.URI.create(t).getQuery()).toList();
        assertEquals(List.of("v=a&v=b", "v=a,b", "v[]=a&v[]=b"), queries);
    }

    @Test
    void scopeIsRefusedWhenTheClientIsBuiltAndAtStartup() {
        WonderfulException error = configurationError(() -> clients("http://127.0.0.1:1", "echo/mp-rest/scope",
                "jakarta.enterprise.context.ApplicationScoped").create(EchoApi.class, "echo"));
        assertTrue(error.getMessage().startsWith("echo/mp-rest/scope is not supported"), error.getMessage());
        List<String> problems = RestClientOptions.startupProblems(TestConfigs.of(RestClientOptions.CHAT + "/mp-rest/scope",
                "jakarta.inject.Singleton"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("wonderful-chat/mp-rest/scope is not supported"), problems.get(0));
    }

    @Test
    void everyMalformedKeyIsNamedInOneErrorThatShowsNoPassword() {
        WonderfulException error = configurationError(() -> clients("http://127.0.0.1:1",
                "echo/mp-rest/followRedirects", "maybe",
                "echo/mp-rest/proxyAddress", "user:proxy-secret-9@proxy:80",
                "echo/mp-rest/queryParamStyle", "SEMICOLONS",
                "echo/mp-rest/trustStore", dir.resolve("missing.p12").toString(),
                "echo/mp-rest/trustStorePassword", "trust-secret-7",
                "echo/mp-rest/keyStorePassword", "key-secret-8",
                "echo/mp-rest/hostnameVerifier", "no.such.Verifier",
                "echo/mp-rest/providers", "no.such.Provider",
                "echo/mp-rest/providers/other.Provider/priority", "1").create(EchoApi.class, "echo"));
        String message = error.getMessage();
        assertTrue(message.startsWith("8 configuration problems: "), message);
        for (String key : List.of("followRedirects", "proxyAddress", "queryParamStyle", "trustStore:", "keyStorePassword is set",
                "hostnameVerifier", "providers:", "providers/other.Provider/priority")) {
            assertTrue(message.contains("echo/mp-rest/" + key), key + " in " + message);
        }
        for (String secret : List.of("proxy-secret-9", "trust-secret-7", "key-secret-8")) {
            assertFalse(message.contains(secret), message);
        }
    }
}
