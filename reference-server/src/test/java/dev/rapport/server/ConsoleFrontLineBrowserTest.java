package dev.rapport.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 in the console: a front-line agent finds the tickets of the customers the team serves, wherever they went,
 * and opens one to tell the customer where it stands, with nothing offered that the agent may not do.
 */
class ConsoleFrontLineBrowserTest extends DemoConsole {
    @Test
    void aFrontLineAgentSeesTheTeamsCustomersOpenTicketsAndTheirCustomerVisiblePartOnly() {
        browser.login("agent2", "en").go("/queue?scope=customers");
        browser.waitForText("#main nav.tabs a[aria-current=page]", "My customers' open tickets");
        String queue = browser.waitForText("#main table", "Damaged bookshelf units").getText();

        browser.waitForXPathText("//main//tr[contains(., 'Damaged bookshelf units')]//a", "T2026").click();
        browser.waitForText("#main h1", "Damaged bookshelf units");
        String notice = browser.waitForText("#main .notice", "belongs to another department").getText();

        assertThat(queue).contains("Export orders as CSV with the store code");
        assertThat(notice).contains("customer-visible progress");
        assertThat(browser.all("#main details.step")).as("no step to take").isEmpty();
        assertThat(browser.all("#main form.upload")).as("no attachments").isEmpty();
        assertThat(browser.find("#main").getText()).contains("Filed by", "王芳 Wang Fang");
    }
}
