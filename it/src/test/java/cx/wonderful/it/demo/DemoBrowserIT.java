package cx.wonderful.it.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.BoundingBox;
import cx.wonderful.it.support.Simulator;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo's chat page in a real browser: the headless Chromium the build fetches for itself
 * ({@link FetchedChromium}), driven by Playwright. Sign in, chat with the simulator's agent, lose the agent socket,
 * fail and retry messages, give up reconnecting, lose the session on the simulator's side, end the chat, start a
 * new one, sign out. Screenshots go to the it module's build directory, {@code target/it/screenshots} by default
 * (system property {@code it.screenshot.dir}).
 */
// The demo's sign-in is Liberty's basic registry (server.xml).
@Tag("liberty-only")
@ExtendWith(ArquillianExtension.class)
class DemoBrowserIT {

    /** Generous: two shared cores, a cold browser; every wait ends as soon as its condition holds. */
    private static final double WAIT_MS = 60_000;

    private static HeadlessChromium browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return DemoApp.war();
    }

    @ArquillianResource
    URL base;

    private Page page;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = HeadlessChromium.start(Path.of(System.getProperty("it.browser.dir", "target/browser")).resolve("work"));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void openPage() {
        Simulator.reset();
        page = browser.newPage();
    }

    @AfterEach
    void closePage(TestInfo test) throws Exception {
        try {
            screenshot("demo-" + test.getTestMethod().orElseThrow().getName() + "-last");
        } finally {
            page.context().close();
        }
    }

    @Test
    void chatSurvivesASocketDropWithNothingLost() throws Exception {
        String sessionId = signInAndConnect();

        say("Hello from the browser");
        waitForAgentReplies(1);

        // The next agent handshake is held for a while, so that the page stays in "reconnecting" long enough to be
        // seen in the screenshot; the assertions do not depend on how long it lasts.
        holdNextHandshake(5000);
        drop(sessionId, 1006);
        waitFor("#state-history li[data-state='reconnecting']");
        say("Sent during the drop");
        screenshot("demo-chat-reconnecting");
        waitForConnection("connected");

        say("Still there?");
        waitForAgentReplies(3);
        screenshot("demo-chat");

        assertEquals(List.of(
                "customer: Hello from the browser",
                "agent: You said: Hello from the browser",
                "customer: Sent during the drop",
                "agent: You said: Sent during the drop",
                "customer: Still there?",
                "agent: You said: Still there?"), conversation(), "every message once, in order");
        assertEquals(List.of("connecting", "connected", "reconnecting", "connected"), history(),
                "the page showed the drop and the recovery");
        assertEquals(0, page.locator("#messages li.failed, #messages li.pending").count(), "every message was delivered");
        assertEquals(0, page.locator("#errors li").count(), page.locator("#errors").textContent());
    }

    @Test
    void aFailedSignInIsShownAtTheTopAndClearedBySigningIn() throws Exception {
        page.navigate(base.toString());
        signIn(DemoApp.USER, "not-the-password");

        waitFor("#errors li");
        assertTrue(page.locator("#errors").textContent().contains("wrong user or password"), page.locator("#errors").textContent());
        assertTrue(page.locator("#sign-in-panel").isVisible(), "still on the sign-in form");
        assertTrue(box("#errors").y < box("#sign-in-form").y, "the error is above the form, where the user looks");
        screenshot("demo-sign-in-failed");

        signIn(DemoApp.USER, DemoApp.PASSWORD);
        waitForConnection("connected");
        assertEquals(0, page.locator("#errors li").count(), "the failed sign-in is no longer shown: " + page.locator("#errors").textContent());
    }

    @Test
    void aMessageIsPendingUntilAcceptedAndNotDeliveredWithARetryWhenItFails() throws Exception {
        String sessionId = signInAndConnect();

        // Held by the simulator: the bubble shows as pending until the server accepted the message.
        fault(sessionId, "\"times\":1,\"delay_ms\":3000");
        say("Slow one");
        waitFor("#messages li[data-delivery='pending']");
        assertEquals("Sending…", page.locator("#messages li[data-delivery='pending'] .delivery").textContent());
        screenshot("demo-message-pending");
        waitForAgentReplies(1);
        waitFor("#messages li[data-speaker='customer'][data-delivery='sent']");

        // Refused by the server: not delivered, with the reason and a way to retry, and no answer.
        fault(sessionId, "\"times\":10,\"status\":500");
        say("Lost one");
        Locator failed = page.locator("#messages li.failed");
        failed.waitFor();
        assertTrue(failed.textContent().contains("Not delivered"), failed.textContent());
        assertTrue(failed.locator("button.retry").isVisible(), "a retry button");
        assertFailureNearTheInput(failed);
        screenshot("demo-message-not-delivered");

        Simulator.admin("DELETE", "/__admin/faults", null);
        failed.locator("button.retry").click();
        waitForAgentReplies(2);
        waitFor("#messages li[data-speaker='customer'][data-delivery='sent'] >> nth=1");
        assertEquals(List.of(
                "customer: Slow one",
                "agent: You said: Slow one",
                "customer: Lost one",
                "agent: You said: Lost one"), conversation(), "the retried message once, in its place");
        assertEquals(0, page.locator("#messages li.failed, #messages li.pending").count(), "delivered in the end");
    }

    @Test
    void aMessageThatFailsWhileReconnectingIsNotDeliveredAndCanBeRetried() throws Exception {
        String sessionId = signInAndConnect();
        say("Before the drop");
        waitForAgentReplies(1);

        holdNextHandshake(5000);
        fault(sessionId, "\"times\":10,\"status\":503");
        drop(sessionId, 1006);
        waitForConnection("reconnecting");
        say("During the drop");
        Locator failed = page.locator("#messages li.failed");
        failed.waitFor();
        assertTrue(failed.textContent().contains("Not delivered"), failed.textContent());
        screenshot("demo-reconnecting-not-delivered");

        Simulator.admin("DELETE", "/__admin/faults", null);
        waitForConnection("connected");
        failed.locator("button.retry").click();
        waitForAgentReplies(2);
        assertEquals(List.of(
                "customer: Before the drop",
                "agent: You said: Before the drop",
                "customer: During the drop",
                "agent: You said: During the drop"), conversation());
        assertEquals(0, page.locator("#messages li.failed, #messages li.pending").count());
    }

    @Test
    void afterReconnectingGaveUpAMessageIsNotDeliveredAndANewChatStarts() throws Exception {
        String sessionId = signInAndConnect();
        say("Hello");
        waitForAgentReplies(1);

        // More refusals than the library's reconnect attempts (5): it gives up.
        Simulator.admin("POST", "/__admin/handshakes/refuse", "{\"times\":50,\"status\":503}");
        drop(sessionId, 1011);
        waitForConnection("disconnected");
        assertTrue(page.locator("#chat-notice").isVisible(), "the page says the chat cannot go on");
        assertTrue(page.locator("#chat-notice").textContent().contains("connection to the agent was lost"), page.locator("#chat-notice").textContent());
        assertTrue(page.locator("#new-chat").isVisible(), "a way out: a new chat");

        say("Anyone there?");
        Locator failed = page.locator("#messages li.failed");
        failed.waitFor();
        assertTrue(failed.textContent().contains("CONNECTION_LOST"), failed.textContent());
        assertTrue(failed.locator("button.retry").isVisible(), "a retry button");
        assertFailureNearTheInput(failed);
        screenshot("demo-gave-up");

        Simulator.reset(); // the refusals end; the simulator also forgets the dead session
        page.locator("#new-chat").click();
        waitForConnection("connected");
        String newSession = page.locator("#session-id").textContent();
        assertNotEquals(sessionId, newSession, "a new chat, not the dead one");
        assertFalse(page.locator("#chat-notice").isVisible(), "the notice went with the old chat");
        assertEquals(List.of(), conversation(), "the new chat starts empty");
        say("Fresh start");
        waitForAgentReplies(1);
        assertEquals(List.of("customer: Fresh start", "agent: You said: Fresh start"), conversation());
    }

    @Test
    void aReloadAfterTheSimulatorForgotTheSessionStartsANewChat() throws Exception {
        String sessionId = signInAndConnect();

        // While the socket is down, the simulator forgets every chat: the resume finds no session and gives up.
        holdNextHandshake(5000);
        drop(sessionId, 1006);
        waitForConnection("reconnecting");
        Simulator.reset();
        page.waitForFunction("() => ['disconnected', 'ended'].includes(document.getElementById('connection-state').dataset.state)",
                null, new Page.WaitForFunctionOptions().setTimeout(WAIT_MS));
        assertTrue(page.locator("#new-chat").isVisible(), "a way out: a new chat");
        screenshot("demo-session-forgotten");

        page.reload();
        String reloaded = signInAndConnect();
        assertNotEquals(sessionId, reloaded, "the reload did not return the dead session");
        say("Hello again");
        waitForAgentReplies(1);
        assertEquals(List.of("customer: Hello again", "agent: You said: Hello again"), conversation());
    }

    @Test
    void anEndedChatOffersANewChatAndSignOut() throws Exception {
        String sessionId = signInAndConnect();
        say("bye");
        waitForConnection("ended");
        assertTrue(page.locator("#chat-notice").textContent().contains("The chat has ended"), page.locator("#chat-notice").textContent());
        assertTrue(page.locator("#new-chat").isVisible(), "new chat after the end");
        assertTrue(page.locator("#sign-out").isVisible(), "sign-out after the end");
        assertTrue(page.locator("#message-input").isDisabled(), "nothing can be sent to an ended chat");
        assertFalse(page.locator("#end-chat").isVisible(), "an ended chat cannot be ended again");
        screenshot("demo-ended");

        page.locator("#new-chat").click();
        waitForConnection("connected");
        assertNotEquals(sessionId, page.locator("#session-id").textContent(), "a new session");
        say("Hello again");
        waitForAgentReplies(1);
        assertEquals(List.of("customer: Hello again", "agent: You said: Hello again"), conversation());

        page.locator("#end-chat").click();
        waitForConnection("ended");
        page.locator("#sign-out").click();
        page.locator("#sign-in-panel").waitFor();
        assertFalse(page.locator("#chat-panel").isVisible(), "the chat is gone with the sign-out");
        assertEquals("", page.locator("#user-name").textContent());
        assertEquals(0, page.locator("#errors li").count(), page.locator("#errors").textContent());
        screenshot("demo-signed-out");

        String afterSignIn = signInAndConnect();
        assertNotEquals(sessionId, afterSignIn, "signing in again after the end starts a new chat");
    }

    private String signInAndConnect() {
        if (!page.url().startsWith(base.toString())) {
            page.navigate(base.toString());
        }
        signIn(DemoApp.USER, DemoApp.PASSWORD);
        waitForConnection("connected");
        String sessionId = page.locator("#session-id").textContent();
        assertFalse(sessionId.isBlank(), "the page shows the session id");
        return sessionId;
    }

    private void signIn(String user, String password) {
        page.locator("#sign-in-form").waitFor();
        page.locator("#username").fill(user);
        page.locator("#password").fill(password);
        page.locator("#sign-in").click();
    }

    private void say(String text) {
        page.locator("#message-input").fill(text);
        page.locator("#send").click();
    }

    /** The simulator holds the next agent handshake this long, so the page stays in "reconnecting" meanwhile. */
    private static void holdNextHandshake(int millis) {
        Simulator.admin("POST", "/__admin/faults", "{\"method\":\"GET\",\"path\":\"/api/v1/agents/\",\"times\":1,\"delay_ms\":" + millis + "}");
    }

    /** A fault on the session's Chat V3 send endpoint (the way the library sends the user's text). */
    private static void fault(String sessionId, String members) {
        Simulator.admin("POST", "/__admin/faults", "{\"method\":\"POST\",\"path\":\"/api/workspace/" + Simulator.WORKSPACE
                + "/v3/chat/" + sessionId + "\"," + members + "}");
    }

    private static void drop(String sessionId, int code) {
        JsonObject dropped = (JsonObject) Simulator.admin("POST", "/__admin/sessions/" + sessionId + "/drop", "{\"code\":" + code + "}");
        assertEquals(1, dropped.getJsonObject("data").getInt("dropped"), "the agent socket of the session was open");
    }

    private void waitFor(String selector) {
        page.locator(selector).first().waitFor(new Locator.WaitForOptions().setTimeout(WAIT_MS));
    }

    private void waitForConnection(String state) {
        waitUntil("s => document.getElementById('connection-state').dataset.state === s", state,
                () -> "connection state " + state + "; history " + history() + "; errors " + page.locator("#errors").textContent());
    }

    private void waitForAgentReplies(int count) {
        waitUntil("n => document.querySelectorAll('#messages li[data-speaker=\"agent\"]').length >= n", count,
                () -> count + " agent replies; have " + conversation());
    }

    /** Waits until the page's {@code predicate} holds for {@code argument}; fails with {@code what} otherwise. */
    private void waitUntil(String predicate, Object argument, Supplier<String> what) {
        try {
            page.waitForFunction(predicate, argument, new Page.WaitForFunctionOptions().setTimeout(WAIT_MS));
        } catch (PlaywrightException e) {
            throw new AssertionError(what.get(), e);
        }
    }

    /** A send failure shows on its bubble, the last thing above the input, not somewhere below the history. */
    private void assertFailureNearTheInput(Locator failed) {
        BoundingBox bubble = failed.boundingBox();
        BoundingBox input = box("#message-input");
        double gap = input.y - (bubble.y + bubble.height);
        assertTrue(gap >= 0 && gap < 150, "the failure is right above the input (gap " + gap + " px)");
    }

    private BoundingBox box(String selector) {
        return page.locator(selector).boundingBox();
    }

    private List<String> conversation() {
        return ((List<?>) page.evaluate("() => [...document.querySelectorAll('#messages li')]"
                + ".map(li => li.dataset.speaker + ': ' + li.querySelector('.text').textContent)"))
                .stream().map(String::valueOf).collect(Collectors.toList());
    }

    /** The states the page went through, from its connection history. */
    private List<String> history() {
        return ((List<?>) page.evaluate("() => [...document.querySelectorAll('#state-history li')].map(li => li.dataset.state)"))
                .stream().map(String::valueOf).collect(Collectors.toList());
    }

    private void screenshot(String name) throws Exception {
        HeadlessChromium.screenshot(page, Path.of(System.getProperty("it.screenshot.dir", "target/screenshots")), name);
    }
}
