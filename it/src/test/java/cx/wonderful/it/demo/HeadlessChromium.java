package cx.wonderful.it.demo;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The build's own headless Chromium ({@link FetchedChromium}) driven over the DevTools protocol by Playwright for
 * Java. Playwright's driver bundle (a Maven artifact) carries its own Node.js; its browser download is switched
 * off, since the browser is the fetched one. Every {@link #newPage() page} opens in a fresh browser context (no
 * cookies or storage from another test); the browser itself starts with a new empty profile and nothing that
 * talks to the network on its own.
 */
final class HeadlessChromium implements AutoCloseable {

    static final List<String> ARGUMENTS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage");
    private static final double TIMEOUT_MS = 120_000;

    private final Playwright playwright;
    private final Browser browser;

    private HeadlessChromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /**
     * Starts the browser. {@code workDir} takes the driver's unpacked files and the browser's temporary profile,
     * so that nothing is left outside the build directory.
     */
    static HeadlessChromium start(Path workDir) throws IOException {
        FetchedChromium chromium = FetchedChromium.fromSystemProperties();
        Files.createDirectories(workDir);
        // Playwright unpacks its driver (Node.js and its scripts) under this directory instead of java.io.tmpdir.
        System.setProperty("playwright.driver.tmpdir", workDir.toString());
        Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of(
                "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1",
                // Node's os.tmpdir(): where Playwright makes the browser's new empty profile.
                "TMPDIR", workDir.toString())));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(chromium.executable())
                    .setHeadless(true)
                    .setArgs(ARGUMENTS)
                    .setEnv(chromium.environment())
                    .setTimeout(TIMEOUT_MS));
            return new HeadlessChromium(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A page in a new browser context of its own; closing the page's context is the caller's. */
    Page newPage() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1100, 900));
        context.setDefaultTimeout(60_000);
        return context.newPage();
    }

    /** Saves a PNG of the page under {@code directory}. */
    static Path screenshot(Page page, Path directory, String name) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
