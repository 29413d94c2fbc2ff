package dev.rapport.server;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervisor's views in a real browser: reassigning an overdue ticket on the monitor board, the reports dashboard
 * with its charts and CSV export, and the follow-up and improvement boards.
 */
class ConsoleSupervisorBrowserTest extends DemoConsole {
    private static final String AGENT_NAME = "王芳 Wang Fang";


    /** Three days on, the demo's open tickets are overdue and the first follow-ups of its closed ticket are due. */
    private void threeDaysLater() {
        server.post("/api/v1/demo/clock/advance", server.login("admin"), Map.of("duration", "P3D"));
    }

    /** Waits until the last message has gone, so that a screenshot shows the view alone. */
    private void untilTheToastHasGone() {
        browser.waitUntil(d -> browser.all("#toast.shown").isEmpty() ? true : null);
    }

    @Test
    void aSupervisorReassignsAnOverdueTicketToAnAgentOnTheMonitorBoard() {
        threeDaysLater();
        String token = server.login("supervisor");
        String agentId = server.get("/api/v1/auth/session", server.login("agent")).text("/user/id");
        browser.login("supervisor", "en").go("/monitor");
        browser.waitForText("#main h1", "Monitor board");
        browser.find("#main .monitor-overdue table.data");
        browser.screenshot("monitor-en");
        String ticketId = (String) browser.script("return [...document.querySelectorAll('#main .monitor-overdue tbody tr')]"
                + ".find(row => !row.textContent.includes(arguments[0]))"
                + ".querySelector('button.reassign').dataset.ticket", AGENT_NAME);

        // Someone else changes the ticket while the form is open: the board reloads and says so.
        browser.click("#main .monitor-overdue button.reassign[data-ticket='" + ticketId + "']");
        var before = server.get("/api/v1/tickets/" + ticketId, token);
        server.put("/api/v1/tickets/" + ticketId + "/tags", token,
                Map.of("version", before.version(), "tags", java.util.List.of("escalated by phone")));
        browser.fill("#main .reassign-form", "departmentId", "customer-service")
                .fill("#main .reassign-form", "assigneeId", agentId);
        browser.click("#main .reassign-form button[type=submit]");
        String conflict = browser.waitUntilNotBlank("#toast");
        browser.waitUntil(d -> browser.all("#main .reassign-form").isEmpty() ? true : null);

        browser.click("#main .monitor-overdue button.reassign[data-ticket='" + ticketId + "']");
        browser.fill("#main .reassign-form", "departmentId", "customer-service")
                .fill("#main .reassign-form", "assigneeId", agentId);
        browser.click("#main .reassign-form button[type=submit]");
        String toast = browser.waitForText("#toast", "now goes to").getText();
        String row = browser.waitForText("#main .monitor-overdue tr:has(button[data-ticket='" + ticketId + "'])",
                AGENT_NAME).getText();

        assertThat(conflict).startsWith("Someone changed this in the meantime.");
        assertThat(toast).contains("now goes to " + AGENT_NAME);
        assertThat(row).contains(AGENT_NAME);
        var ticket = server.get("/api/v1/tickets/" + ticketId, token);
        assertThat(ticket.text("/assigneeId")).isEqualTo(agentId);
        assertThat(ticket.text("/departmentId")).isEqualTo("customer-service");

        untilTheToastHasGone();
        browser.chooseLanguage("zh-CN");
        browser.waitForText("#main h1", "监控看板");
        browser.find("#main .monitor-overdue table.data");
        browser.screenshot("monitor-zh-CN");
    }

    @Test
    void theReportsDashboardDrawsItsChartsAndOffersBothReportsAsCsv() {
        browser.login("supervisor", "en").go("/reports");
        browser.waitForText("#main h1", "Reports");
        browser.find("#main canvas.chart-volume");
        Number volumePoints = browser.waitUntil(d -> (Number) browser.script(
                "const chart = window.Chart && Chart.getChart(document.querySelector('#main canvas.chart-volume'));"
                        + "return chart ? chart.data.datasets[0].data.reduce((a, b) => a + b, 0) : null"));
        Number surveyMean = browser.waitUntil(d -> (Number) browser.script("const chart = Chart.getChart("
                + "document.querySelector('#main canvas.chart-survey')); return chart ? chart.data.datasets[0].data[3] : null"));
        String npsLabel = browser.find("#main canvas.chart-nps").getAttribute("aria-labelledby");
        browser.screenshot("reports-en");

        browser.click("#main button.export-kpis");
        var download = browser.find("#main a.download-kpis");
        String csv = (String) browser.script("return fetch(arguments[0].href).then(r => r.text())", download);
        browser.click("#main button.export-monthly");
        String monthly = (String) browser.script("return fetch(arguments[0].href).then(r => r.text())",
                browser.find("#main a.download-monthly"));

        assertThat(volumePoints.intValue()).isPositive();
        assertThat(surveyMean.doubleValue()).isBetween(1.0, 5.0);
        assertThat(browser.find("#" + npsLabel).getText()).isEqualTo("Net promoter score");
        assertThat(download.getAttribute("download")).startsWith("kpis-").endsWith(".csv");
        assertThat(csv).startsWith("group,figure,value").contains("all,ticketsOpened,");
        assertThat(monthly).startsWith("figure,current,previous,delta,weakPoint");

        browser.go("/reports?from=2026-11-20&to=2026-11-01");
        assertThat(browser.fieldError("#main form.toolbar", "to")).contains("must not be before from");

        browser.go("/reports");
        browser.chooseLanguage("zh-CN");
        browser.waitForText("#main h1", "报表");
        browser.waitUntil(d -> browser.script("return window.Chart && Chart.getChart("
                + "document.querySelector('#main canvas.chart-trend')) ? true : null"));
        browser.screenshot("reports-zh-CN");
    }

    @Test
    void aFollowUpIsCompletedOnceItsOutcomeIsGivenAndAnImprovementIsCreatedAfterItsFieldError() {
        threeDaysLater();
        String token = server.login("supervisor");
        browser.login("supervisor", "en").go("/follow-ups");
        browser.waitForText("#main h1", "Follow-ups");
        browser.find("#main button.complete");
        browser.screenshot("follow-ups-en");
        String followUpId = browser.find("#main button.complete").getAttribute("data-follow-up");

        browser.click("#main button.complete[data-follow-up='" + followUpId + "']");
        browser.click("#main .follow-up-complete button[type=submit]");
        String outcomeError = browser.fieldError("#main .follow-up-complete", "outcome");
        browser.fill("#main .follow-up-complete", "outcome", "Customer confirms the training helped; no open questions.");
        browser.click("#main .follow-up-complete button[type=submit]");
        String toast = browser.waitUntilNotBlank("#toast");
        browser.waitUntil(d -> browser.all("#main button.complete[data-follow-up='" + followUpId + "']").isEmpty());

        assertThat(outcomeError).isNotBlank();
        assertThat(toast).isEqualTo("Follow-up completed and logged as an interaction.");
        assertThat(server.get("/api/v1/follow-ups/" + followUpId, token).text("/state")).isEqualTo("DONE");

        untilTheToastHasGone();
        browser.go("/improvements");
        browser.waitForText("#main h1", "Improvements");
        browser.find("#main .column-VERIFIED .card");
        browser.screenshot("improvements-en");
        browser.click("#main button.new-improvement");
        browser.fill("#main .improvement-form", "problem", "Replacement parts ship late from the central warehouse.")
                .fill("#main .improvement-form", "measures", "Keep a stock of common parts at the regional office.")
                .fill("#main .improvement-form", "departmentId", "after-sales")
                .fill("#main .improvement-form", "ownerId", server.get("/api/v1/auth/session", token).text("/user/id"));
        browser.click("#main .improvement-form button[type=submit]");
        String rootCauseError = browser.fieldError("#main .improvement-form", "rootCause");
        browser.fill("#main .improvement-form", "rootCause", "SUPPLIER");
        browser.click("#main .improvement-form button[type=submit]");
        String proposed = browser.waitForText("#main .column-PROPOSED", "Replacement parts ship late").getText();

        assertThat(rootCauseError).isNotBlank();
        assertThat(proposed).contains("Supplier");

        untilTheToastHasGone();
        browser.chooseLanguage("zh-CN");
        browser.waitForText("#main h1", "服务改进");
        browser.find("#main .column-VERIFIED .card");
        browser.screenshot("improvements-zh-CN");
        browser.go("/follow-ups");
        browser.waitForText("#main h1", "回访");
        browser.find("#main table.data");
        browser.screenshot("follow-ups-zh-CN");
    }
}
