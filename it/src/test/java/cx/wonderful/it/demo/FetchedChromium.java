package cx.wonderful.it.demo;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.brotli.dec.BrotliInputStream;

/**
 * A headless Chromium that the build fetches for itself, the way Selenium Manager and Playwright keep browsers in a
 * cache: the npm package {@code @sparticuz/chromium} (a self-contained Linux x64 headless Chromium with the NSS
 * libraries, SwiftShader and a font it needs, brotli-compressed inside the package), downloaded once over HTTPS
 * from the npm registry, checked against its published SHA-512, and unpacked into the build directory. Nothing on
 * the machine is installed or changed.
 *
 * <p>System properties: {@code it.browser.dir} (the cache, default {@code target/it/browser}),
 * {@code it.browser.registry} (an npm registry mirror, default {@code https://registry.npmjs.org}).
 */
final class FetchedChromium {

    static final String PACKAGE = "@sparticuz/chromium";
    static final String VERSION = "153.0.0";
    /** The registry's {@code dist.integrity} of that version (Subresource Integrity form). */
    static final String INTEGRITY = "sha512-jiGWqSvPMdu4+P9TilYqAR7yEGPEHINx+lCvE/NqNO/EHYzF/x1hUiI5T6ioVIt7dEy7n88byyT0vk+dnsgQwA==";
    static final String DEFAULT_REGISTRY = "https://registry.npmjs.org";

    private static final String COMPLETE = ".complete";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** The package is about 70 MB; generous for a slow link, and still bounded. */
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(15);

    private final Path home;

    private FetchedChromium(Path home) {
        this.home = home;
    }

    /** The browser from the cache named by the system properties, fetched first if it is not there yet. */
    static FetchedChromium fromSystemProperties() {
        Path cache = Path.of(System.getProperty("it.browser.dir", "target/browser"));
        URI registry = URI.create(System.getProperty("it.browser.registry", DEFAULT_REGISTRY).replaceAll("/+$", ""));
        return ensure(cache, registry);
    }

    /**
     * The browser under {@code cache}, fetched from {@code registry} and unpacked first if it is not complete there.
     * Unpacking goes to a fresh directory that is renamed into place at the end, so a broken run leaves nothing
     * half-done behind.
     */
    static synchronized FetchedChromium ensure(Path cache, URI registry) {
        Path home = cache.resolve("chromium-" + VERSION);
        if (Files.isRegularFile(home.resolve(COMPLETE))) {
            return new FetchedChromium(home);
        }
        try {
            Files.createDirectories(cache);
            URI tarball = URI.create(registry + "/" + PACKAGE + "/-/chromium-" + VERSION + ".tgz");
            Path download = cache.resolve("chromium-" + VERSION + ".tgz.part");
            long started = System.nanoTime();
            System.out.println("Fetching " + PACKAGE + " " + VERSION + " (a headless Chromium, about 70 MB) from " + tarball);
            fetch(tarball, download);
            Path staging = Files.createTempDirectory(cache, "unpacking-");
            try {
                unpack(download, staging);
                writeFontConfig(staging, home);
                Files.writeString(staging.resolve(COMPLETE), PACKAGE + "@" + VERSION + "\n");
                deleteTree(home);
                Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                deleteTree(staging);
                Files.deleteIfExists(download);
            }
            System.out.printf("Chromium ready in %s (%d ms)%n", home, (System.nanoTime() - started) / 1_000_000);
            return new FetchedChromium(home);
        } catch (IOException e) {
            throw new UncheckedIOException("could not fetch " + PACKAGE + " " + VERSION + " from " + registry
                    + " (set -Dit.browser.registry to an npm registry mirror)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching the browser", e);
        }
    }

    Path executable() {
        return home.resolve("chromium");
    }

    /**
     * The browser's environment: the package's own NSS libraries before the system's, and a font configuration
     * with the package's font, so that it runs the same on a machine without them.
     */
    Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(System.getenv());
        String libraries = home.resolve("lib").toString();
        String existing = environment.get("LD_LIBRARY_PATH");
        environment.put("LD_LIBRARY_PATH", existing == null || existing.isEmpty() ? libraries : libraries + ":" + existing);
        environment.put("FONTCONFIG_FILE", home.resolve("fonts.conf").toString());
        return environment;
    }

    private static void fetch(URI tarball, Path target) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<Path> response = client.send(HttpRequest.newBuilder(tarball).timeout(DOWNLOAD_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofFile(target));
        if (response.statusCode() != 200) {
            throw new IOException("GET " + tarball + " answered HTTP " + response.statusCode());
        }
        String actual = "sha512-" + Base64.getEncoder().encodeToString(sha512(target));
        if (!INTEGRITY.equals(actual)) {
            Files.delete(target);
            throw new IOException("the downloaded package does not match its published integrity " + INTEGRITY + " (got " + actual + ")");
        }
    }

    /**
     * The package's {@code bin/chromium.br} becomes {@code chromium}; its {@code bin/*.tar.br} archives (NSS
     * libraries into {@code lib/}, SwiftShader beside the binary, the font into {@code fonts/}) are unpacked beside
     * it, as the package's own loader lays them out.
     */
    private static void unpack(Path tgz, Path target) throws IOException {
        try (InputStream npm = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(tgz)))) {
            new Tar(npm).forEachFile((name, mode, content) -> {
                if (name.equals("package/bin/chromium.br")) {
                    Path binary = target.resolve("chromium");
                    Files.copy(new BrotliInputStream(content), binary);
                    executable(binary);
                } else if (name.startsWith("package/bin/") && name.endsWith(".tar.br")) {
                    untar(new BrotliInputStream(content), target);
                }
            });
        }
        if (!Files.isExecutable(target.resolve("chromium"))) {
            throw new IOException("the package holds no bin/chromium.br");
        }
    }

    private static void untar(InputStream in, Path target) throws IOException {
        new Tar(in).forEachFile((name, mode, content) -> {
            Path path = target.resolve(name).normalize();
            if (!path.startsWith(target)) {
                throw new IOException("archive entry outside the target: " + name);
            }
            Files.createDirectories(path.getParent());
            Files.copy(content, path, StandardCopyOption.REPLACE_EXISTING);
            if ((mode & 0100) != 0) {
                executable(path);
            }
        });
    }

    private static void executable(Path file) throws IOException {
        if (!file.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + file + " executable");
        }
    }

    /** The package's fonts.conf names Lambda's paths; this one names the unpacked font (at its final place, home). */
    private static void writeFontConfig(Path staging, Path home) throws IOException {
        Files.writeString(staging.resolve("fonts.conf"), """
                <?xml version="1.0"?>
                <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
                <fontconfig>
                  <dir>%s</dir>
                  <cachedir>%s</cachedir>
                </fontconfig>
                """.formatted(home.resolve("fonts"), home.resolve("fonts-cache")), StandardCharsets.UTF_8);
    }

    private static byte[] sha512(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-512");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is a standard JDK algorithm", e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
