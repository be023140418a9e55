package io.tenantchat.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantchat.localstack.bedrock.BedrockStandIn.Settings;
import io.tenantchat.localstack.launcher.LocalSystem;
import io.tenantchat.localstack.provision.TestUser;
import io.tenantchat.localstack.provision.TestUsers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The web client served by api-service at {@code /}, in a real headless Chromium, against the whole system
 * (stand-ins and the three service jars, as in e2e-tests). Each test saves a screenshot under target/screenshots.
 */
class WebClientBrowserIntegrationTests {

    static LocalSystem system;

    @BeforeAll
    static void startSystem() {
        Path repoRoot = Path.of("").toAbsolutePath().getParent();
        system = LocalSystem.start(new LocalSystem.Options(null, false, repoRoot, Path.of("target", "service-logs-browser")));
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @AfterEach
    void fastModel() {
        system.bedrock().settings(Settings.defaults());
    }

    @Test
    void signsInWithEmailAndPasswordAndStreamsTheReplyTokenByToken() {
        TestUser alice = system.user("tenant-001", "alice@tenant-001.example");
        system.bedrock().settings(Settings.defaults().withTokensPerSecond(12));
        try (Browser browser = Browser.open(system.apiBaseUrl())) {
            WebClientPage page = new WebClientPage(browser).signIn(alice, TestUsers.DEV_PASSWORD);
            assertThat(page.tenantShown()).isEqualTo("tenant-001");
            assertThat(page.userShown()).isEqualTo("alice@tenant-001.example");
            page.newSession();
            assertThat(page.streamMode()).contains("live");

            page.send("Hello from a **real** browser.");
            String partial = browser.until(d -> (String) browser.script("""
                    const reply = [...document.querySelectorAll('[data-test=reply]')].pop();
                    // the first streamed text, not the waiting placeholder ("Thinking…") shown before it
                    return reply && reply.dataset.status === 'processing'
                            && reply.innerText.trim().startsWith('[bedrock') ? reply.innerText : null;
                    """));
            WebElement completed = page.awaitCompletedReply();

            assertThat(partial).startsWith("[bedrock");
            assertThat(completed.getText()).hasSizeGreaterThan(partial.length()).startsWith("[bedrock stand-in]")
                    .contains("You said: Hello from a real browser.");
            assertThat(completed.findElements(By.tagName("strong"))).extracting(WebElement::getText).contains("real");
            browser.screenshot("chat-streamed-reply");
        }
    }

    @Test
    void stopButtonStopsTheStreamingReplyWhichTheStandInSeesClosedAndKeepsOnlyWhatWasGenerated() {
        String tenant = "tenant-stop-" + UUID.randomUUID().toString().substring(0, 6);
        TestUser dora = system.user(tenant, "dora@stop.example");
        system.bedrock().settings(Settings.defaults().withTokensPerSecond(4));
        try (Browser browser = Browser.open(system.apiBaseUrl())) {
            WebClientPage page = new WebClientPage(browser).signIn(dora, TestUsers.DEV_PASSWORD);
            page.newSession();
            page.send("Tell me a very long story about a reply that was stopped.");
            browser.until(d -> (String) browser.script("""
                    const reply = [...document.querySelectorAll('[data-test=reply]')].pop();
                    return reply && reply.dataset.status === 'processing' && reply.innerText.includes('[bedrock')
                        ? reply.innerText : null;
                    """));

            browser.await(By.cssSelector("[data-test=stop]")).click();
            WebElement stopped = browser.until(d -> {
                WebElement reply = page.lastReply();
                return "cancelled".equals(reply.getAttribute("data-status")) ? reply : null;
            });

            await().atMost(Duration.ofSeconds(2)).until(() -> system.bedrock().streamsClosedByClient(tenant) == 1);
            assertThat(stopped.getText()).startsWith("[bedrock stand-in]").contains("Stopped")
                    .doesNotContain("one word as one token");
            assertThat(browser.all(By.cssSelector("[data-test=stop]"))).isEmpty();
            browser.screenshot("chat-stopped-reply");
        }
    }

    @Test
    void regeneratesMovesBetweenTheVersionsAndEditsAMessage() {
        String tenant = "tenant-branch-" + UUID.randomUUID().toString().substring(0, 6);
        TestUser eve = system.user(tenant, "eve@branch.example");
        system.bedrock().settings(Settings.defaults().withTimeToFirstToken(Duration.ofMillis(5)).withTokensPerSecond(2_000));
        try (Browser browser = Browser.open(system.apiBaseUrl())) {
            WebClientPage page = new WebClientPage(browser).signIn(eve, TestUsers.DEV_PASSWORD);
            page.newSession();
            page.send("Capital of France?");
            page.awaitCompletedReply();
            page.send("And of Italy?");
            page.awaitCompletedReply();

            clickInLastTurn(browser, "regenerate");
            browser.until(d -> "2/2".equals(siblingPosition(browser)) ? true : null);
            page.awaitCompletedReply();
            assertThat(system.bedrock().invocations(tenant)).isEqualTo(3);
            assertThat(browser.all(By.cssSelector("article.turn"))).hasSize(2);

            clickInLastTurn(browser, "sibling-prev");
            browser.until(d -> "1/2".equals(siblingPosition(browser)) ? true : null);
            assertThat(lastTurn(browser).findElement(By.cssSelector("[data-test=sibling-prev]")).isEnabled()).isFalse();
            clickInLastTurn(browser, "sibling-next");
            browser.until(d -> "2/2".equals(siblingPosition(browser)) ? true : null);

            clickInLastTurn(browser, "edit");
            WebElement box = browser.await(By.cssSelector("[data-test=edit-box]"));
            box.clear();
            box.sendKeys("And of Spain?");
            browser.await(By.cssSelector("[data-test=edit-save]")).click();
            browser.until(d -> "3/3".equals(siblingPosition(browser)) ? true : null);
            WebElement edited = page.awaitCompletedReply();

            assertThat(edited.getText()).contains("You said: And of Spain?");
            assertThat(lastTurn(browser).getText()).contains("And of Spain?").doesNotContain("And of Italy?");
            assertThat(browser.all(By.cssSelector("article.turn"))).hasSize(2);
            assertThat(system.bedrock().conversations(tenant).getLast())
                    .as("the model was given the path of the edit only")
                    .hasSize(3).doesNotContain("user: And of Italy?").endsWith("user: And of Spain?");
            browser.screenshot("chat-edited-branch");
        }
    }

    private static WebElement lastTurn(Browser browser) {
        return browser.until(d -> {
            List<WebElement> turns = d.findElements(By.cssSelector("article.turn"));
            return turns.isEmpty() ? null : turns.get(turns.size() - 1);
        });
    }

    /** Clicks a control of the last turn, found again should the turn repaint meanwhile. */
    private static void clickInLastTurn(Browser browser, String control) {
        browser.until(d -> {
            lastTurn(browser).findElement(By.cssSelector("[data-test=" + control + "]")).click();
            return true;
        });
    }

    private static String siblingPosition(Browser browser) {
        List<WebElement> position = lastTurn(browser).findElements(By.cssSelector("[data-test=sibling-position]"));
        return position.isEmpty() ? null : position.get(0).getText();
    }

    @Test
    void neverRunsScriptsOrJavascriptLinksFromAReply() {
        TestUser alice = system.user("tenant-001", "alice@tenant-001.example");
        try (Browser browser = Browser.open(system.apiBaseUrl())) {
            WebClientPage page = new WebClientPage(browser).signIn(alice, TestUsers.DEV_PASSWORD);
            page.newSession();
            browser.script("window.__pwned = []; window.alert = function (m) { window.__pwned.push('alert:' + m); };");

            // the stand-in echoes at most 200 characters: the marker at the end proves the whole payload came back
            String payload = "<script>window.__pwned.push('s')</script><img src=x onerror=\"window.__pwned.push('i')\">"
                    + " [click me](javascript:window.__pwned.push('l')) <svg onload=\"window.__pwned.push('v')\"></svg>"
                    + " end-" + UUID.randomUUID().toString().substring(0, 8);
            assertThat(payload).hasSizeLessThanOrEqualTo(200);
            page.send(payload);
            WebElement reply = page.awaitCompletedReply();
            assertThat(reply.getText()).contains("[bedrock stand-in]").contains("click me")
                    .contains(payload.substring(payload.lastIndexOf(" end-") + 1));
            List<WebElement> links = reply.findElements(By.tagName("a"));
            links.forEach(WebElement::click);

            // handlers would run asynchronously (image error, link navigation): the probe must stay empty for a while
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> ((List<?>) browser.script("return window.__pwned")).isEmpty());
            assertThat(ExpectedConditions.alertIsPresent().apply(browser.driver())).isNull();
            assertThat(browser.all(By.cssSelector(".log script, .log [onerror], .log [onload], .log svg"))).isEmpty();
            assertThat(links).allSatisfy(a -> assertThat(a.getAttribute("href")).isNull());
            // the user's own message is shown as the text they typed, never as HTML
            assertThat(browser.all(By.cssSelector(".bubble.user")).get(0).getText()).contains("<script>");
            browser.screenshot("chat-xss-reply");
        }
    }

    /**
     * A reply may not borrow the page's look or controls: class, style and id are stripped, form controls, spans and
     * images are dropped, only http(s) and mailto links keep their target. The marker at the end of the payload
     * proves the whole of it reached the rendered reply, so the checks are not passing on an empty reply.
     */
    @Test
    void aReplyCannotImitateThePageWithClassesStylesOrControls() {
        TestUser alice = system.user("tenant-001", "alice@tenant-001.example");
        try (Browser browser = Browser.open(system.apiBaseUrl())) {
            WebClientPage page = new WebClientPage(browser).signIn(alice, TestUsers.DEV_PASSWORD);
            page.newSession();
            String marker = "end-" + UUID.randomUUID().toString().substring(0, 8);
            String payload = "<b class=\"bubble user\" style=\"color:red\" id=\"fake\">fake-ui</b>"
                    + " <input value=\"password\"> <span class=\"caret\">x</span> [ok](https://example.com/ok)"
                    + " [rel](/api/sessions) " + marker;
            assertThat(payload).hasSizeLessThanOrEqualTo(200);

            page.send(payload);
            WebElement markdown = page.awaitCompletedReply().findElement(By.className("markdown"));

            assertThat(markdown.getText()).contains("fake-ui").contains(marker);
            assertThat(markdown.findElements(By.tagName("b"))).extracting(WebElement::getText).containsExactly("fake-ui");
            assertThat(markdown.findElements(By.cssSelector("[class], [style], [id]"))).isEmpty();
            assertThat(markdown.findElements(By.cssSelector("input, span, img, svg, button, form"))).isEmpty();
            assertThat(markdown.findElements(By.cssSelector("a[href]"))).extracting(a -> a.getDomAttribute("href"))
                    .containsExactly("https://example.com/ok");
            browser.screenshot("chat-imitation-reply");
        }
    }

    @Test
    void aTenant002UserNeverSeesTenant001Sessions() {
        TestUser alice = system.user("tenant-001", "alice@tenant-001.example");
        TestUser bob = system.user("tenant-002", "bob@tenant-002.example");
        String title = "Alice secret " + UUID.randomUUID().toString().substring(0, 8);
        String alicesSession;
        try (Browser browser = Browser.open(system.apiBaseUrl())) {
            WebClientPage page = new WebClientPage(browser).signIn(alice, TestUsers.DEV_PASSWORD);
            alicesSession = page.newSession();
            page.rename(alicesSession, title);
            assertThat(browser.await(By.cssSelector("[data-session='" + alicesSession + "']")).getText()).contains(title);
        }
        try (Browser browser = Browser.open(system.apiBaseUrl())) {
            WebClientPage page = new WebClientPage(browser).signIn(bob, TestUsers.DEV_PASSWORD);
            assertThat(page.tenantShown()).isEqualTo("tenant-002");
            browser.await(By.cssSelector("[data-test=sessions] li"));
            assertThat(browser.driver().getPageSource()).doesNotContain(alicesSession).doesNotContain(title);

            browser.go("/#/chat/" + alicesSession);
            WebElement error = browser.await(By.cssSelector(".log .error"));
            assertThat(error.getText()).contains("does not exist");
            assertThat(browser.driver().getPageSource()).doesNotContain(title);
            browser.screenshot("isolation-tenant-002");
        }
    }

    @Test
    void usagePageChartsTheTokensJustUsed() {
        TestUser carol = system.user("tenant-web-" + UUID.randomUUID().toString().substring(0, 6), "carol@web.example");
        try (Browser browser = Browser.open(system.apiBaseUrl())) {
            WebClientPage page = new WebClientPage(browser).signIn(carol, TestUsers.DEV_PASSWORD);
            page.newSession();
            page.send("How many tokens does this cost?");
            Matcher tokens = Pattern.compile("(\\d+) in · (\\d+) out tokens")
                    .matcher(page.awaitCompletedReply().findElement(By.className("meta")).getText());
            assertThat(tokens.find()).isTrue();
            int input = Integer.parseInt(tokens.group(1));
            int output = Integer.parseInt(tokens.group(2));
            browser.screenshot("chat");

            browser.await(By.cssSelector("[data-test=nav-usage]")).click();
            browser.until(d -> {
                List<WebElement> total = d.findElements(By.cssSelector("[data-test=total-tokens]"));
                if (!total.isEmpty() && String.valueOf(input + output).equals(total.get(0).getAttribute("data-value"))) {
                    return true;
                }
                d.findElement(By.cssSelector("[data-test=usage-refresh]")).click();
                return false;
            });

            assertThat(browser.await(By.cssSelector("[data-test=invocations]")).getAttribute("data-value")).isEqualTo("1");
            assertThat(browser.all(By.cssSelector("[data-test=tokens-chart] rect.out title")))
                    .extracting(t -> t.getAttribute("textContent"))
                    .anySatisfy(text -> assertThat(text).endsWith(": " + output + " output tokens"));
            assertThat(browser.all(By.cssSelector("[data-test=models-chart] .bar-label"))).isNotEmpty();
            browser.screenshot("usage");
        }
    }

    @Test
    void tenantAdminSavesTheAssistantsSystemPromptWhichTheModelThenGets() {
        String tenant = "tenant-set-" + UUID.randomUUID().toString().substring(0, 6);
        TestUser admin = system.tenantAdmin(tenant, "admin@" + tenant + ".example");
        TestUser member = system.user(tenant, "member@" + tenant + ".example");
        String prompt = "Answer every question like a ship's captain " + tenant + ".";
        try (Browser browser = Browser.open(system.apiBaseUrl())) {
            WebClientPage page = new WebClientPage(browser).signIn(admin, TestUsers.DEV_PASSWORD);
            browser.await(By.cssSelector("[data-test=nav-settings]")).click();
            WebElement box = browser.await(By.cssSelector("[data-test=profile-system-prompt]"));
            box.clear();
            box.sendKeys(prompt);
            browser.await(By.cssSelector("[data-test=profile-save]")).click();
            browser.until(d -> d.findElement(By.cssSelector("[data-test=profile-status]")).getText()
                    .contains("Saved: version 1"));
            browser.screenshot("settings");

            page.newSession();
            page.send("Where are we sailing?");
            page.awaitCompletedReply();
        }
        assertThat(system.bedrock().received(tenant)).last()
                .satisfies(received -> assertThat(received.systemText()).endsWith(prompt));
        try (Browser browser = Browser.open(system.apiBaseUrl())) {
            new WebClientPage(browser).signIn(member, TestUsers.DEV_PASSWORD);
            browser.await(By.cssSelector("[data-test=nav-usage]"));
            assertThat(browser.all(By.cssSelector("[data-test=nav-settings]"))).as("members do not manage settings")
                    .isEmpty();
        }
    }
}
