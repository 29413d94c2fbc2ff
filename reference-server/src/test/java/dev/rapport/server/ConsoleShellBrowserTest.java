package dev.rapport.server;

import dev.rapport.server.console.ConsoleMessages;
import dev.rapport.server.demo.DemoData;
import org.junit.jupiter.api.Test;

import java.util.Locale;
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
        browser.logout();
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

    @Test
    void aUserWithAOneTimePasswordChoosesTheirOwnBeforeTheQueueOpens() {
        String admin = server.login("admin");
        String agentId = server.get("/api/v1/auth/session", server.login("agent")).text("/user/id");
        assertThat(server.post("/api/v1/users/" + agentId + "/password", admin,
                Map.of("temporaryPassword", "one-time-secret-1")).status()).isEqualTo(204);

        browser.go("/login");
        browser.fill("#main form", "employeeId", "agent").fill("#main form", "password", "one-time-secret-1");
        browser.click("#main form button[type=submit]");
        String notice = browser.waitUntilNotBlank("#main .notice");
        browser.fill("#main form", "newPassword", "too short");
        browser.click("#main form button[type=submit]");
        String refusal = browser.fieldError("#main form", "newPassword");
        browser.fill("#main form", "newPassword", "my own new secret");
        browser.click("#main form button[type=submit]");
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("#/queue") ? true : null);
        browser.settled();

        assertThat(notice).as("the console's notice, in either language").isIn(
                ConsoleMessages.texts(Locale.ENGLISH).get("login.changeRequired"),
                ConsoleMessages.texts(Locale.forLanguageTag("zh-CN")).get("login.changeRequired"));
        assertThat(refusal).contains("12 to 256 characters");
        assertThat(browser.find("#main h1").getText()).isIn("Ticket queue", "工单队列");
        assertThat(server.post("/api/v1/auth/login", null, Map.of("employeeId", "agent",
                "password", "my own new secret")).body().get("passwordChangeRequired").asBoolean()).isFalse();
    }
}
