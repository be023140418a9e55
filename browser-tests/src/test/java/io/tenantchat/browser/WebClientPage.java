package io.tenantchat.browser;

import io.tenantchat.localstack.provision.TestUser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** What a person does in the web client, in the words of the page (page object over {@link Browser}). */
final class WebClientPage {

    static final By REPLIES = By.cssSelector("[data-test=reply]");

    private final Browser browser;

    WebClientPage(Browser browser) {
        this.browser = browser;
    }

    WebClientPage signIn(TestUser user, String password) {
        browser.go("/");
        browser.await(By.name("email")).sendKeys(user.email());
        browser.await(By.name("password")).sendKeys(password, Keys.ENTER);
        browser.await(By.cssSelector("[data-test=tenant]"));
        return this;
    }

    String tenantShown() {
        return browser.await(By.cssSelector("[data-test=tenant]")).getText();
    }

    String userShown() {
        return browser.await(By.cssSelector("[data-test=user]")).getText();
    }

    /** Starts a new session and returns its id (from the address). */
    String newSession() {
        String before = browser.driver().getCurrentUrl();
        browser.await(By.cssSelector("[data-test=new-session]")).click();
        browser.until(d -> !d.getCurrentUrl().equals(before) && d.getCurrentUrl().contains("#/chat/"));
        browser.await(By.cssSelector("[data-test=stream-mode].live, [data-test=stream-mode].polling"));
        String url = browser.driver().getCurrentUrl();
        return url.substring(url.indexOf("#/chat/") + "#/chat/".length());
    }

    void send(String message) {
        int before = browser.all(REPLIES).size();
        WebElement box = browser.await(By.cssSelector("[data-test=composer]"));
        box.sendKeys(message);
        box.sendKeys(Keys.ENTER);
        browser.until(d -> d.findElements(REPLIES).size() > before);
    }

    WebElement lastReply() {
        return browser.until(d -> {
            var replies = d.findElements(REPLIES);
            return replies.isEmpty() ? null : replies.get(replies.size() - 1);
        });
    }

    /** Waits until the last reply is completed and returns it. */
    WebElement awaitCompletedReply() {
        return browser.until(d -> {
            WebElement reply = lastReply();
            return "completed".equals(reply.getAttribute("data-status")) ? reply : null;
        });
    }

    String streamMode() {
        return browser.await(By.cssSelector("[data-test=stream-mode]")).getText();
    }

    /** Renames a session through its pencil button, as a keyboard user would: type, then Enter. */
    void rename(String sessionId, String title) {
        WebElement link = browser.await(By.cssSelector("[data-session='" + sessionId + "']"));
        link.sendKeys(Keys.F2);
        WebElement input = browser.await(By.cssSelector("input.rename"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), title, Keys.ENTER);
        browser.until(d -> d.findElements(By.cssSelector("[data-session='" + sessionId + "']")).stream()
                .anyMatch(e -> e.getText().contains(title)));
    }
}
