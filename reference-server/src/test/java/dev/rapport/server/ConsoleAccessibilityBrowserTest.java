package dev.rapport.server;

import dev.rapport.server.demo.DemoData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every view of every role, checked in the browser the way assistive technology meets it: each control has a label,
 * each button a name, each table a caption and column headers; the keyboard reaches the skip link first and the
 * focused control shows a visible ring.
 */
class ConsoleAccessibilityBrowserTest extends DemoConsole {
    /** Finds what a screen reader could not name, as "view: what"; other browser tests run it on views with data. */
    static final String UNNAMED = """
            const problems = [];
            const name = el => (el.getAttribute('aria-label') || el.textContent || el.value || '').trim();
            for (const control of document.querySelectorAll('#main input, #main select, #main textarea')) {
                if (control.type === 'hidden' || control.closest('[hidden]')) continue;
                const labels = control.labels ? [...control.labels].map(l => l.textContent.trim()).filter(Boolean) : [];
                if (!labels.length && !control.getAttribute('aria-label')) problems.push('unlabelled ' + (control.name || control.outerHTML.slice(0, 60)));
            }
            for (const button of document.querySelectorAll('button, a[href]')) {
                if (!name(button)) problems.push('nameless ' + button.outerHTML.slice(0, 60));
            }
            for (const table of document.querySelectorAll('#main table')) {
                if (!table.caption || !table.caption.textContent.trim()) problems.push('table without caption');
                if (!table.querySelector('th[scope=col]')) problems.push('table without column headers');
            }
            if (!document.querySelector('#main h1')) problems.push('no heading');
            return problems;
            """;


    @Test
    void everyViewNamesEveryControlTableAndButton() {
        String agent = server.login("agent");
        String customerId = server.get("/api/v1/customers?q=C2026000001", agent).text("/items/0/id");
        String ticketId = server.get("/api/v1/tickets?status=IN_PROGRESS&limit=1", agent).text("/items/0/id");
        var views = Map.of(
                "agent", List.of("/queue", "/customers?q=杭州", "/customers/" + customerId, "/customers/new",
                        "/tickets/new?customerId=" + customerId, "/tickets/" + ticketId, "/follow-ups"),
                "supervisor", List.of("/monitor", "/improvements", "/reports"),
                "admin", List.of("/admin/users", "/admin/roles", "/admin/departments", "/admin/sla",
                        "/admin/ticket-types", "/follow-ups/unplanned", "/admin/set-aside"));
        var problems = new ArrayList<String>();
        for (var role : views.entrySet()) {
            browser.login(role.getKey(), "en");
            for (String view : role.getValue()) {
                browser.go(view);
                browser.waitUntil(d -> browser.script("return !!document.querySelector('#main .view h1')").equals(true)
                        ? true : null);
                @SuppressWarnings("unchecked")
                var found = (List<String>) browser.script(UNNAMED);
                found.forEach(problem -> problems.add(role.getKey() + " " + view + ": " + problem));
            }
        }

        assertThat(problems).isEmpty();
    }

    @Test
    void aUserLogsInWithTheKeyboardAloneSeeingWhereTheFocusIs() {
        browser.go("/login").chooseLanguage("zh-CN");
        browser.click("#main [name=employeeId]");
        browser.find("#main [name=employeeId]").sendKeys("agent");
        new Actions(browser.driver).sendKeys(Keys.TAB).perform();
        String second = (String) browser.script("return document.activeElement.name");
        String ring = (String) browser.script("return getComputedStyle(document.activeElement).outlineStyle");
        new Actions(browser.driver).sendKeys(DemoData.PASSWORD, Keys.TAB).perform();
        String third = (String) browser.script("return document.activeElement.type");
        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
        String landed = browser.waitForText("#main h1", "工单队列").getText();
        boolean skipLinkFirst = (Boolean) browser.script(
                "return document.querySelector('a[href], button, input, select, textarea') === document.querySelector('.skip-link')");
        browser.script("document.querySelector('.skip-link').focus()");
        double skipLinkLeft = ((Number) browser.script(
                "return document.querySelector('.skip-link').getBoundingClientRect().left")).doubleValue();

        assertThat(second).isEqualTo("password");
        assertThat(ring).isNotEqualTo("none");
        assertThat(third).isEqualTo("submit");
        assertThat(landed).as("in the language chosen on the login page").isEqualTo("工单队列");
        assertThat(skipLinkFirst).as("the skip link comes first").isTrue();
        assertThat(skipLinkLeft).as("and shows when focused").isGreaterThanOrEqualTo(0);
    }
}
