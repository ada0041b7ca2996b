package cx.wonderful.microprofile.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Key stores made with the JDK's {@code keytool} for a test, and an HTTPS server on 127.0.0.1 that answers every
 * request with a JSON object, optionally requiring a client certificate (any is accepted, and the subject recorded).
 */
final class TlsFixtures {

    static final String PASSWORD = "store-password-1";

    private TlsFixtures() {
    }

    /** A PKCS12 key store with one key pair (alias {@code key}), subject {@code CN=<cn>}, the given SAN extension. */
    static Path keyPair(Path dir, String name, String cn, String san) throws IOException, InterruptedException {
        Path store = dir.resolve(name + ".p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "key", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=" + cn, "-ext", "SAN=" + san, "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        return store;
    }

    /** A trust store ({@code type}) holding the certificate of {@code keyPair}. */
    static Path trustStoreFor(Path keyPair, Path dir, String type) throws IOException, GeneralSecurityException {
        Certificate certificate = load(keyPair, "PKCS12").getCertificate("key");
        KeyStore trust = KeyStore.getInstance(type);
        trust.load(null, null);
        trust.setCertificateEntry("server", certificate);
        Path file = dir.resolve("trust-" + keyPair.getFileName() + "." + type.toLowerCase());
        try (OutputStream out = Files.newOutputStream(file)) {
            trust.store(out, PASSWORD.toCharArray());
        }
        return file;
    }

    static KeyStore load(Path file, String type) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    /** An HTTPS server with the key pair of {@code keyStore}; answers {@code {"id":"tls"}}. */
    static final class Server implements AutoCloseable {

        final List<String> clientSubjects = new CopyOnWriteArrayList<>();
        private final HttpsServer server;
        private final ExecutorService executor = Executors.newFixedThreadPool(4);

        Server(Path keyStore, boolean needClientAuth) throws IOException, GeneralSecurityException {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(keyStore, "PKCS12"), PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), new TrustManager[] {new AnyClient()}, null);
            server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(context) {
                @Override
                public void configure(HttpsParameters params) {
                    SSLParameters parameters = context.getDefaultSSLParameters();
                    parameters.setNeedClientAuth(needClientAuth);
                    params.setSSLParameters(parameters);
                }
            });
            server.createContext("/", this::handle);
            server.setExecutor(executor);
            server.start();
        }

        URI uri() {
            return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                if (exchange instanceof HttpsExchange https) {
                    try {
                        clientSubjects.add(((X509Certificate) https.getSSLSession().getPeerCertificates()[0])
                                .getSubjectX500Principal().getName());
                    } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
                        // no client certificate: nothing to record
                    }
                }
                byte[] body = "{\"id\":\"tls\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    /** Accepts every client certificate: the test checks that one was sent, not who signed it. */
    private static final class AnyClient implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
