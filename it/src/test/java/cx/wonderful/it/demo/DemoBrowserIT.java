package cx.wonderful.it.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cx.wonderful.it.support.Simulator;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo's chat page in a real browser (headless chromium): sign in, chat with the simulator's agent, lose the
 * agent socket (dropped by the simulator), see the page report reconnecting, and go on chatting with nothing lost
 * or repeated. Screenshots go to the it module's build directory, {@code target/it/screenshots} by default (system
 * property {@code it.screenshot.dir}).
 */
// The demo's sign-in is Liberty's basic registry (server.xml).
@Tag("liberty-only")
@ExtendWith(ArquillianExtension.class)
class DemoBrowserIT {

    /** Generous: two shared cores, a cold browser; every wait ends as soon as its condition holds. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return DemoApp.war();
    }

    @ArquillianResource
    URL base;

    private HeadlessChromium browser;
    private WebDriver page;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws Exception {
        Simulator.reset();
        browser = HeadlessChromium.start();
        page = browser.driver();
        wait = new WebDriverWait(page, WAIT, Duration.ofMillis(100));
    }

    @AfterEach
    void closeBrowser(TestInfo test) throws Exception {
        if (browser == null) {
            return; // the browser did not start; that failure is the one to report
        }
        try {
            browser.screenshot(screenshots(), "demo-" + test.getTestMethod().orElseThrow().getName() + "-last");
        } finally {
            browser.close();
        }
    }

    @Test
    void chatSurvivesASocketDropWithNothingLost() throws Exception {
        page.get(base.toString());
        signIn(DemoApp.USER, DemoApp.PASSWORD);
        waitForConnection("connected");
        String sessionId = page.findElement(By.id("session-id")).getText();
        assertFalse(sessionId.isBlank(), "the page shows the session id");

        say("Hello from the browser");
        waitForAgentReplies(1);

        // The next agent handshake is held for a while, so that the page stays in "reconnecting" long enough to be
        // seen in the screenshot; the assertions do not depend on how long it lasts.
        Simulator.admin("POST", "/__admin/faults", "{\"method\":\"GET\",\"path\":\"/api/v1/agents/\",\"times\":1,\"delay_ms\":5000}");
        JsonObject dropped = (JsonObject) Simulator.admin("POST", "/__admin/sessions/" + sessionId + "/drop", "{\"code\":1006}");
        assertEquals(1, dropped.getJsonObject("data").getInt("dropped"), "the agent socket of the session was open");
        wait.until(seen("#state-history li[data-state='reconnecting']"));
        say("Sent during the drop");
        browser.screenshot(screenshots(), "demo-chat-reconnecting");
        waitForConnection("connected");

        say("Still there?");
        waitForAgentReplies(3);
        browser.screenshot(screenshots(), "demo-chat");

        assertEquals(List.of(
                "customer: Hello from the browser",
                "agent: You said: Hello from the browser",
                "customer: Sent during the drop",
                "agent: You said: Sent during the drop",
                "customer: Still there?",
                "agent: You said: Still there?"), conversation(), "every message once, in order");
        assertEquals(List.of("connecting", "connected", "reconnecting", "connected"), history(),
                "the page showed the drop and the recovery");
        assertEquals(0, page.findElements(By.cssSelector("#messages li.failed, #messages li.pending")).size(),
                "every message was delivered");
        assertTrue(page.findElements(By.cssSelector("#errors li")).isEmpty(), page.findElement(By.id("errors")).getText());
    }

    @Test
    void wrongPasswordIsShownAndNothingStarts() throws Exception {
        page.get(base.toString());
        signIn(DemoApp.USER, "not-the-password");

        wait.until(seen("#errors li"));
        assertTrue(page.findElement(By.id("errors")).getText().contains("wrong user or password"), page.findElement(By.id("errors")).getText());
        assertTrue(page.findElement(By.id("sign-in-panel")).isDisplayed(), "still on the sign-in form");
    }

    private void signIn(String user, String password) {
        wait.until(seen("#sign-in-form"));
        page.findElement(By.id("username")).sendKeys(user);
        page.findElement(By.id("password")).sendKeys(password);
        page.findElement(By.id("sign-in")).click();
    }

    private void say(String text) {
        WebElement input = page.findElement(By.id("message-input"));
        input.sendKeys(text);
        page.findElement(By.id("send")).click();
    }

    private void waitForConnection(String state) {
        wait.withMessage(() -> "connection state " + state + "; history " + history())
                .until(d -> state.equals(d.findElement(By.id("connection-state")).getDomAttribute("data-state")));
    }

    private void waitForAgentReplies(int count) {
        wait.withMessage(() -> count + " agent replies; have " + conversation())
                .until(d -> conversation().stream().filter(m -> m.startsWith("agent:")).count() >= count);
    }

    private List<String> conversation() {
        return page.findElements(By.cssSelector("#messages li")).stream()
                .map(li -> li.getDomAttribute("data-speaker") + ": " + li.getDomProperty("textContent"))
                .collect(Collectors.toList());
    }

    /** The states the page went through (the history is folded away, so read its text content). */
    private List<String> history() {
        return page.findElements(By.cssSelector("#state-history li")).stream()
                .map(li -> li.getDomAttribute("data-state"))
                .collect(Collectors.toList());
    }

    private static ExpectedCondition<Boolean> seen(String css) {
        return d -> !d.findElements(By.cssSelector(css)).isEmpty();
    }

    private static Path screenshots() {
        return Path.of(System.getProperty("it.screenshot.dir", "target/screenshots"));
    }
}
