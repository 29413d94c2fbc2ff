package dev.rapport.server;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 in the console: the agent who filed a complaint finds its resolution under the bell in the header, which
 * says how many are unread, lists them as a list and leads to the ticket.
 */
class ConsoleNoticesBrowserTest extends DemoConsole {
    @Test
    void theBellShowsTheIntakeOwnerTheResolutionOfTheirComplaintAndOpensTheTicket() {
        var complaint = resolvedDemoComplaintFiledByTheAgent();

        browser.login("agent", "en");
        var bell = browser.waitUntil(d -> {
            var button = d.findElement(By.cssSelector("#notices button.bell"));
            return button.getAttribute("aria-label").contains("unread") ? button : null;
        });
        String unreadBadge = browser.find("#notices .badge-count").getText();
        assertThat(bell.getAttribute("aria-expanded")).isEqualTo("false");
        browser.click("#notices button.bell");
        var entry = browser.waitForText("#notices-panel ul.notices-list li", complaint.number());
        browser.screenshot("notices-en");

        assertThat(browser.find("#notices button.bell").getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(entry.getText()).contains("Resolved", complaint.title());
        assertThat(Integer.parseInt(unreadBadge)).isGreaterThanOrEqualTo(1);

        browser.waitForXPathText("//*[@id='notices-panel']//li[contains(., '" + complaint.number() + "')]//a",
                complaint.number()).click();

        browser.waitForText("#main h1", complaint.title());
        assertThat(browser.find("#notices button.bell").getAttribute("aria-expanded")).isEqualTo("false");
        browser.waitUntil(d -> {
            var badge = d.findElement(By.cssSelector("#notices .badge-count"));
            return !badge.isDisplayed() || Integer.parseInt(badge.getText()) < Integer.parseInt(unreadBadge)
                    ? true : null;
        });
    }

    /** The demo complaint the agent filed, which After-Sales works to resolution over HTTP. */
    private Complaint resolvedDemoComplaintFiledByTheAgent() {
        String agentId = FlowOverHttpTest.userId(server, server.login("agent"), "agent");
        String afterSales = server.login("aftersales");
        String afterSalesId = FlowOverHttpTest.userId(server, afterSales, "aftersales");
        var complaint = StreamSupport.stream(server.get("/api/v1/tickets?departmentId=after-sales&status=NEW",
                        afterSales).body().at("/items").spliterator(), false)
                .filter(t -> t.at("/intakeOwner/userId").asText().equals(agentId)).findFirst().orElseThrow();
        String path = "/api/v1/tickets/" + complaint.get("id").asText();
        var assigned = server.post(path + "/assign", afterSales, Map.of("assigneeId", afterSalesId,
                "version", complaint.get("version").asLong()));
        var progressed = server.post(path + "/progress", afterSales, Map.of("action",
                "Replacements leave the warehouse tomorrow.", "visibility", "CUSTOMER", "version", assigned.version()));
        var resolved = server.post(path + "/resolve", afterSales, Map.of("solution",
                "Replaced the damaged units.", "communicatedVia", "PHONE", "version", progressed.version()));
        assertThat(List.of(assigned.status(), progressed.status(), resolved.status())).containsOnly(200);
        return new Complaint(complaint.get("number").asText(), complaint.get("title").asText());
    }

    private record Complaint(String number, String title) {
    }
}
