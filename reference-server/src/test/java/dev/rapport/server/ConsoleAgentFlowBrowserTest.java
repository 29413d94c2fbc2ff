package dev.rapport.server;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC's service flow as an agent does it in the console, in a real browser: find a customer, create one (the
 * server's field error shown first), open a ticket, respond, resolve, record the customer's confirmation, and see the
 * ticket closed.
 */
class ConsoleAgentFlowBrowserTest extends DemoConsole {
    private static final String FORM = "#main form";

    @Test
    void anAgentCreatesACustomerAndTakesTheirTicketFromOpenToClosed() {
        browser.login("agent", "en");
        browser.waitForText("#main h1", "Ticket queue");
        browser.screenshot("queue-en");

        browser.click("#nav a[href='#/customers']");
        browser.find("#main input[name=q]").sendKeys("杭州");
        String found = browser.waitForText("#main .results", "杭州云栈科技有限公司").getText();
        browser.click("#main .results a");
        browser.waitForText("#main h1", "杭州云栈科技有限公司");
        String maskedPhone = browser.find("#main .contacts table").getText();
        browser.screenshot("customer-360-en");

        browser.go("/customers/new");
        browser.fill(FORM, "kind", "ORGANIZATION").fill(FORM, "name", "宁波长风电子有限公司")
                .fill(FORM, "industry", "Manufacturing").fill(FORM, "contacts[0].name", "陈芳")
                .fill(FORM, "contacts[0].phone", "12345");
        browser.click(FORM + " button[type=submit]");
        String phoneError = browser.fieldError(FORM, "contacts[0].phone");
        browser.screenshot("new-customer-en");
        browser.fill(FORM, "contacts[0].phone", "13655556666");
        browser.click(FORM + " button[type=submit]");
        browser.waitForText("#main h1", "宁波长风电子有限公司");

        browser.click("#main .page-head a.button");
        browser.waitForText("#main h1", "New ticket");
        browser.fill(FORM, "type", "CONSULTATION")
                .fill(FORM, "description", "How do I export the stock list to Excel?");
        browser.click(FORM + " [name=urgent]");
        browser.click(FORM + " button[type=submit]");
        String number = browser.waitForText("#main h1", "T2026").getText();
        var opened = browser.find("#main .view");
        browser.click("#main .page-head button.primary"); // assign to me
        browser.waitUntil(ExpectedConditions.stalenessOf(opened));
        browser.waitForText("#main .badge.status", "Assigned");

        takeStep("progress", step -> {
            browser.fill(step, "action", "Called Ms Chen and sent the export guide.");
            browser.fill(step, "visibility", "CUSTOMER");
        });
        browser.screenshot("ticket-en");
        var drawn = browser.find("#main .view");
        browser.find("#main form.upload input[type=file]").sendKeys(exportGuide().toString());
        browser.click("#main form.upload button[type=submit]");
        browser.waitUntil(ExpectedConditions.stalenessOf(drawn));
        String attachments = browser.waitForText("#main", "export-guide.txt").getText();
        takeStep("resolve", step -> {
            browser.fill(step, "solution", "Export under Stock > Export > Excel.");
            browser.fill(step, "communicatedVia", "PHONE");
        });
        browser.waitForText("#main .badge.status", "Resolved");
        takeStep("confirmation", step -> {
            browser.fill(step, "opinion", "SATISFIED");
            browser.fill(step, "method", "PHONE");
        });
        String status = browser.waitForText("#main .badge.status", "Closed").getText();

        assertThat(found).contains("C2026");
        assertThat(maskedPhone).contains("138****5678").doesNotContain("13812345678");
        assertThat(phoneError).contains("11-digit");
        assertThat(number).startsWith("T2026");
        assertThat(status).isEqualTo("Closed");
        assertThat(attachments).contains("export-guide.txt");
        assertThat(browser.find("#main").getText()).contains("Called Ms Chen and sent the export guide.");
    }

    @Test
    void aCustomerThatMayExistAlreadyIsOfferedBeforeSavingAndSavedOnlyWhenTheAgentInsists() {
        browser.login("agent", "en").go("/customers/new");
        browser.fill(FORM, "kind", "ORGANIZATION").fill(FORM, "industry", "Technology")
                .fill(FORM, "contacts[0].name", "张伟").fill(FORM, "contacts[0].phone", "13900001111")
                .fill(FORM, "name", "杭州云栈科技有限公司");
        browser.click(FORM + " [name='contacts[0].name']"); // leaving the name field asks for look-alikes
        String offered = browser.waitForText(FORM + " .notice", "C2026000001").getText();
        browser.click(FORM + " button[type=submit]");
        browser.find(FORM + " .create-anyway");
        browser.screenshot("duplicate-candidates-en");
        browser.click(FORM + " .create-anyway");
        String saved = browser.waitForText("#main h1", "杭州云栈科技有限公司").getText();

        assertThat(offered).contains("杭州云栈科技有限公司 (C2026000001)").doesNotContain("Northwind");
        assertThat(saved).isEqualTo("杭州云栈科技有限公司");
        assertThat(browser.driver.getCurrentUrl()).as("a new customer, not the existing one")
                .doesNotContain(server.get("/api/v1/customers?q=C2026000001", server.login("agent")).text("/items/0/id"));
    }

    @Test
    void theQueueCountsDownTheNearestDeadlineAndTurnsAmberAtEightyPercentAndRedAtTheBreach() {
        String agent = server.login("agent");
        var ticket = server.get("/api/v1/tickets?status=IN_PROGRESS&limit=1", agent).body().at("/items/0");
        var deadline = StreamSupport.stream(ticket.at("/sla/running").spliterator(), false)
                .map(target -> ticket.at("/sla/deadlines/" + target.asText()))
                .min(Comparator.comparing(d -> d.get("due").asText())).orElseThrow();
        String row = "//tr[.//a[text()='" + ticket.get("number").asText() + "']]//span[contains(@class, 'sla')]";
        var warnAt = Instant.parse(deadline.get("warnAt").asText());
        var due = Instant.parse(deadline.get("due").asText());
        browser.login("agent", "en");
        String before = browser.waitForXPathText(row, "left").getAttribute("class");

        advanceTo(warnAt.plusSeconds(60));
        browser.login("agent", "en");
        var atRisk = browser.waitForXPathText(row, "at risk");
        String amber = atRisk.getAttribute("class");
        browser.screenshot("queue-at-risk-en");
        advanceTo(due.plusSeconds(3600));
        browser.login("agent", "en");
        var breached = browser.waitForXPathText(row, "overdue by");
        String red = breached.getAttribute("class");

        assertThat(before).contains("sla-ok");
        assertThat(amber).contains("sla-warn");
        assertThat(red).contains("sla-breach");
        assertThat(breached.getText()).contains("overdue by 1 h");
    }

    private void advanceTo(Instant instant) {
        String admin = server.login("admin");
        var now = Instant.parse(server.get("/api/v1/auth/session", admin).text("/now"));
        server.post("/api/v1/demo/clock/advance", admin, Map.of("duration",
                Duration.between(now, instant).toString()));
    }

    @Test
    void theSameViewsReadInChinese() {
        browser.login("agent", "zh-CN");
        browser.waitForText("#main h1", "工单队列");
        browser.screenshot("queue-zh-CN");
        browser.go("/customers");
        browser.find("#main input[name=q]").sendKeys("杭州", Keys.ENTER);
        browser.click("#main .results a");
        String profile = browser.waitForText("#main h2", "客户档案").getText();
        browser.screenshot("customer-360-zh-CN");
        browser.click("#main table.data a[href^='#/tickets/']");
        String details = browser.waitForText("#main .panel h2", "工单详情").getText();
        browser.screenshot("ticket-zh-CN");

        assertThat(profile).isEqualTo("客户档案");
        assertThat(details).isEqualTo("工单详情");
    }

    private static Path exportGuide() {
        try {
            var file = Files.createTempDirectory("rapport-upload").resolve("export-guide.txt");
            return Files.writeString(file, "Stock > Export > Excel");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens the ticket's step, fills its form, submits it, and waits for the ticket to be drawn anew. */
    private void takeStep(String name, Consumer<String> fill) {
        String step = "#main details[data-step='" + name + "']";
        if (browser.find(step).getAttribute("open") == null) {
            browser.click(step + " > summary");
        }
        fill.accept(step + " form");
        var drawn = browser.find("#main .view");
        browser.script("document.getElementById('toast').classList.remove('shown')");
        browser.click(step + " form button[type=submit]");
        String outcome = browser.waitUntil(d -> {
            for (var error : d.findElements(By.cssSelector(step + " .form-errors, " + step + " .field-error"))) {
                if (!error.getText().isBlank()) {
                    return "refused: " + error.getText();
                }
            }
            return d.findElement(By.id("toast")).getAttribute("class").contains("shown") ? "saved" : null;
        });
        assertThat(outcome).as(name).isEqualTo("saved");
        browser.waitUntil(ExpectedConditions.stalenessOf(drawn));
    }
}
