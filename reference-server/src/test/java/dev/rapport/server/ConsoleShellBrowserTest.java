package dev.rapport.server;

import dev.rapport.core.demo.DemoData;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's shell in a real browser: logging in and out, the language each user keeps, an expired session. */
class ConsoleShellBrowserTest extends DemoConsole {
    @Test
    void aWrongPasswordIsRefusedOnTheFormAndTheRightOneOpensTheQueue() {
        browser.go("/login").chooseLanguage("en");
        browser.fill("#main form", "employeeId", "agent").fill("#main form", "password", "not-the-password");
        browser.click("#main form button[type=submit]");
        String refusal = browser.waitUntilNotBlank("#main .form-errors");
        browser.screenshot("login-en");

        browser.login("agent", "en");

        assertThat(refusal).isEqualTo("Employee ID or password is wrong.");
        assertThat(browser.waitForText("#main h1", "Ticket queue").getText()).isEqualTo("Ticket queue");
        assertThat(browser.find("#nav a[aria-current=page]").getText()).isEqualTo("My queue");
    }

    @Test
    void theLanguageAUserChoosesIsTheirsAtTheNextLogin() {
        browser.login("agent", "en");
        browser.waitForText("#main h1", "Ticket queue");
        browser.chooseLanguage("zh-CN");
        String chinese = browser.waitForText("#main h1", "工单队列").getText();
        browser.click("#logout");
        browser.waitForText("#main .notice", "退出");

        browser.fill("#main form", "employeeId", "agent").fill("#main form", "password",
                DemoData.PASSWORD);
        browser.click("#main form button[type=submit]");

        assertThat(chinese).isEqualTo("工单队列");
        assertThat(browser.waitForText("#main h1", "工单队列").getText()).isEqualTo("工单队列");
        assertThat(browser.script("return document.documentElement.lang")).isEqualTo("zh-CN");
    }

    @Test
    void anExpiredSessionAsksToLogInAgainAndReturnsToWhereTheUserWas() {
        browser.login("agent", "en").go("/queue?scope=department");
        browser.waitForText("#main h1", "Ticket queue");
        server.post("/api/v1/demo/clock/advance", server.login("admin"), Map.of("duration", "PT9H"));

        browser.click("#main .tabs a[href='#/queue']");
        String notice = browser.waitUntilNotBlank("#main .notice");
        browser.fill("#main form", "employeeId", "agent").fill("#main form", "password",
                DemoData.PASSWORD);
        browser.click("#main form button[type=submit]");
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("#/queue") ? true : null);
        browser.waitForText("#main h1", "Ticket queue");

        assertThat(notice).contains("session has expired");
    }
}
