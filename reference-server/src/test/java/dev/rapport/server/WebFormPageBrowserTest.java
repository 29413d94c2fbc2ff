package dev.rapport.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's own web form page ({@code GET /contact}) in a real browser: a person fills it in and gets a ticket
 * number (the browser computes the proof of work, and posts from this origin as JSON), which agents then find with
 * the message; a naive bot that fills every field it finds, the hidden honeypot too, is refused and stores nothing.
 */
class WebFormPageBrowserTest {
    private static final String FORM = "#webform";
    private TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer(TestDatabase.H2);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aPersonSendsTheFormAndAgentsFindTheTicketWithTheMessage() {
        var browser = ConsoleBrowser.page(server, "/contact?lang=en");
        String message = "My order #4711 arrived damaged.\nThe box was crushed; please send a replacement.";
        browser.fill(FORM, "name", "Li Na").fill(FORM, "email", "li.na@example.cn")
                .fill(FORM, "phone", "+86 139 0000 5670").fill(FORM, "subject", "Damaged parcel")
                .fill(FORM, "message", message);
        browser.click(FORM + " button[type=submit]");

        String number = browser.waitUntilNotBlank("#webform-status .ticket-number");
        String status = browser.find("#webform-status").getText();
        browser.screenshot("webform-en");

        assertThat(number).matches("T\\d{10}");
        assertThat(status).startsWith("Thank you!").contains(number);
        assertThat(browser.find("#message").getAttribute("value")).isEmpty();
        String agent = server.login("agent");
        var ticket = byNumber(server.get("/api/v1/tickets?limit=200", agent).body().at("/items"), number);
        assertThat(ticket.get("channel").asText()).isEqualTo("WEB");
        var messages = server.get("/api/v1/tickets/" + ticket.get("id").asText() + "/messages", agent);
        assertThat(messages.status()).isEqualTo(200);
        assertThat(messages.text("/items/0/body")).isEqualTo(message);
        assertThat(messages.text("/items/0/direction")).isEqualTo("INBOUND");
    }

    @Test
    void aServerThatAsksForMoreWorkThanTheDefaultIsAnsweredToo() {
        server.close();
        server = new TestServer(TestDatabase.H2, builder -> builder.config("rapport.channels.webform.proof-bits", "16"));
        var browser = ConsoleBrowser.page(server, "/contact?lang=en");
        browser.fill(FORM, "phone", "139 0000 5670").fill(FORM, "message", "Please call me back.");
        browser.click(FORM + " button[type=submit]");

        String number = browser.waitUntilNotBlank("#webform-status .ticket-number");

        assertThat(number).matches("T\\d{10}");
    }

    @Test
    void theServersFieldErrorsShowBesideTheFields() {
        var browser = ConsoleBrowser.page(server, "/contact?lang=en");
        browser.fill(FORM, "email", "not an address").fill(FORM, "message", "Hello");
        browser.click(FORM + " button[type=submit]");

        String error = browser.waitUntilNotBlank("#email-error");

        assertThat(error).contains("e-mail address");
        assertThat(browser.find("#email").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#webform-status").getText()).contains("could not be sent");
    }

    @Test
    void aBotThatFillsTheHoneypotIsRefusedAndNothingIsStored() {
        var browser = ConsoleBrowser.page(server, "/contact?lang=zh-CN");
        var before = DatabaseDigest.of(server);
        browser.fill(FORM, "email", "bot@spam.example").fill(FORM, "message", "Cheap pills, best prices!");
        // A naive bot fills in every field it finds, the one hidden from people too (no person can reach it).
        browser.script("document.getElementById('website').value = arguments[0]", "https://cheap-pills.example");
        browser.click(FORM + " button[type=submit]");

        String status = browser.waitUntilNotBlank("#webform-status.error");

        assertThat(status).contains("留言未能发送").contains("website");
        assertThat(browser.script("return document.documentElement.lang")).isEqualTo("zh-CN");
        assertThat(DatabaseDigest.of(server)).isEqualTo(before);
        assertThat(server.get("/api/v1/tickets?limit=200", server.login("agent")).raw().body())
                .doesNotContain("Cheap pills").doesNotContain("bot@spam.example");
    }

    private static JsonNode byNumber(JsonNode items, String number) {
        for (var item : items) {
            if (item.get("number").asText().equals(number)) {
                return item;
            }
        }
        throw new AssertionError("no ticket " + number + " among the agent's " + items.size());
    }
}
