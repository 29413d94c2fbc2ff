package dev.rapport.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.rapport.api.PageRequest;
import dev.rapport.api.customer.ContactDraft;
import dev.rapport.api.customer.CustomerKind;
import dev.rapport.api.customer.CustomerProfile;
import dev.rapport.api.customer.CustomerSource;
import dev.rapport.api.customer.MaintenanceLevel;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.NewRole;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.User;
import dev.rapport.api.security.UserUpdate;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, where admins can act: a mail the e-mail channel could not file is listed in "Mails set aside" for those
 * who administer the channels (events.admin), and what the daily care planning could not plan is listed by cause in
 * "Unplanned care" for those who may see all follow-ups (follow-up.work.all, or user.admin), each with its count, an
 * example customer that opens the customer, and what to do. Both are in the menu for those users only.
 */
class ConsoleSetAsideAndUnplannedBrowserTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    private static final String SUPPORT = "support@rapport.example";
    private static final String ROW = "#main tr[data-channel='support-mail']";

    @Test
    void anAdminSeesTheMailTheChannelSetAsideWithItsReasonAndPlaceButNotItsSender() throws Exception {
        MAIL.setUser(SUPPORT, "support", "imap-secret-1");
        try (var server = TestServer.demo(TestDatabase.H2, builder -> builder.pollChannels(false)
                .config("rapport.channels.support-mail.type", "email")
                .config("rapport.channels.support-mail.imap-host", "127.0.0.1")
                .config("rapport.channels.support-mail.imap-port", Integer.toString(MAIL.getImap().getPort()))
                .config("rapport.channels.support-mail.imap-ssl", "false")
                .config("rapport.channels.support-mail.imap-user", "support")
                .config("rapport.channels.support-mail.imap-password", "imap-secret-1")
                .config("rapport.channels.support-mail.smtp-host", "127.0.0.1")
                .config("rapport.channels.support-mail.smtp-port", Integer.toString(MAIL.getSmtp().getPort()))
                .config("rapport.channels.support-mail.from", "Rapport Support <" + SUPPORT + ">"))) {
            var browser = ConsoleBrowser.on(server);
            String agentMenu = browser.login("agent", "en").find("#nav").getText();
            browser.logout();
            browser.login("admin", "en");
            browser.click("#nav a[href='#/admin/set-aside']");
            String empty = browser.waitForText("#main .empty", "No channel").getText();

            // The sender is one encoded word (李娜) and no address: the channel cannot file it and moves it aside.
            send("""
                    Message-ID: <malformed-1@customer.example>
                    From: =?utf-8?B?5p2O5aic?=
                    To: support@rapport.example
                    Subject: Broken sender

                    The From header is one encoded word and no address.
                    """);
            assertThat(server.rapport.inbox().pollNow()).isEmpty();
            browser.click("#main button.refresh");
            String row = browser.waitForText(ROW, "malformed-1@customer.example").getText();
            String view = browser.find("#main").getText();
            @SuppressWarnings("unchecked")
            var unnamed = (List<String>) browser.script(ConsoleAccessibilityBrowserTest.UNNAMED);
            browser.screenshot("admin-set-aside-en");
            browser.chooseLanguage("zh-CN");
            String chinese = browser.waitForText("#main h1", "搁置的邮件").getText();
            browser.screenshot("admin-set-aside-zh-CN");

            assertThat(agentMenu).doesNotContain("Mails set aside");
            assertThat(empty).isEqualTo("No channel has set a message aside.");
            assertThat(row).contains("support-mail", "malformed-1@customer.example", "no sender", "Rapport-Unfiled");
            assertThat(view).as("nothing of the sender beyond what the server lists").doesNotContain("李娜");
            assertThat(unnamed).isEmpty();
            assertThat(chinese).isEqualTo("搁置的邮件");
        }
    }

    @Test
    void aSupervisorWhoMaySeeAllFollowUpsSeesWhatTheCarePlanningLeftUnplannedAndOpensTheExampleCustomer() {
        try (var server = TestServer.demo(TestDatabase.H2)) {
            var browser = ConsoleBrowser.on(server);
            String supervisorMenu = browser.login("supervisor", "en").find("#nav").getText();
            browser.logout();
            browser.login("admin", "en").go("/follow-ups/unplanned");
            String empty = browser.waitForText("#main .empty", "planned every customer").getText();
            browser.logout();

            // Nobody active can own these customers' contacts: no account manager, and no supervisor is active.
            var system = Actor.system();
            var users = server.rapport.users();
            var supervisors = users.list(system, PageRequest.first(PageRequest.MAX_LIMIT)).items().stream()
                    .filter(u -> u.roles().contains(Role.SUPERVISOR)).toList();
            supervisors.forEach(u -> users.update(system, u.id(), UserUpdate.of(u.version()).active(false).build()));
            for (int i = 1; i <= 2; i++) {
                server.rapport.customers().create(system, CustomerProfile.builder().kind(CustomerKind.ORGANIZATION)
                        .name("Orphan Trading " + i).industry("Retail").source(CustomerSource.WEB).maintenanceLevel(MaintenanceLevel.HIGH)
                        .contact(ContactDraft.of("Contact " + i, "1390000222" + i, null)).build(), true);
            }
            server.rapport.runDueWork();
            String admin = server.login("admin");
            var maintenance = maintenanceCause(server.get("/api/v1/follow-ups/unplanned", admin));
            long unplanned = maintenance.get("customers").asLong();
            String example = server.get("/api/v1/customers/" + maintenance.get("exampleCustomerId").asText(), admin)
                    .text("/name");
            // Then the customer-service supervisor is back, and is trusted with every follow-up.
            server.rapport.roles().create(system, new NewRole("CARE_LEAD", List.of("follow-up.work.all")));
            User lead = supervisors.stream().filter(u -> u.employeeId().equals("supervisor")).findFirst().orElseThrow();
            User inactive = users.get(system, lead.id());
            users.update(system, lead.id(), UserUpdate.of(inactive.version()).active(true)
                    .roles(Set.of(Role.SUPERVISOR, new Role("CARE_LEAD"))).build());

            browser.login("supervisor", "en").go("/follow-ups");
            browser.click("#main a.unplanned-care");
            String row = browser.waitForText("#main tr[data-kind='MAINTENANCE']", "active account manager").getText();
            String count = browser.find("#main tr[data-kind='MAINTENANCE'] td.number").getText();
            String current = browser.find("#nav a[aria-current=page]").getText();
            @SuppressWarnings("unchecked")
            var unnamed = (List<String>) browser.script(ConsoleAccessibilityBrowserTest.UNNAMED);
            browser.screenshot("unplanned-care-en");
            browser.click("#main tr[data-kind='MAINTENANCE'] a.example-customer");
            String customer = browser.waitForText("#main h1", example).getText();
            browser.go("/follow-ups/unplanned").chooseLanguage("zh-CN");
            String chinese = browser.waitForText("#main tr[data-kind='MAINTENANCE']", "客户经理").getText();
            browser.screenshot("unplanned-care-zh-CN");

            assertThat(supervisorMenu).contains("Follow-ups").doesNotContain("Unplanned care");
            assertThat(empty).contains("planned every customer");
            assertThat(unplanned).as("the two new customers, and any demo customer without an account manager")
                    .isGreaterThanOrEqualTo(2);
            assertThat(row).contains("Maintenance", "No active user can own the contact");
            assertThat(count).isEqualTo(Long.toString(unplanned));
            assertThat(current).isEqualTo("Unplanned care");
            assertThat(unnamed).isEmpty();
            assertThat(row).as("the example customer by name").contains(example);
            assertThat(customer).isEqualTo(example);
            assertThat(chinese).contains("定期维护", String.valueOf(unplanned));
        }
    }

    private static JsonNode maintenanceCause(TestServer.Response unplanned) {
        for (JsonNode item : unplanned.body().at("/items")) {
            if (item.get("kind").asText().equals("MAINTENANCE")) {
                return item;
            }
        }
        throw new AssertionError("no maintenance cause in " + unplanned.body());
    }

    private static void send(String rfc822) throws Exception {
        var session = Session.getInstance(new Properties());
        int expected = MAIL.getReceivedMessages().length + 1;
        var message = new MimeMessage(session, new ByteArrayInputStream(
                rfc822.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("127.0.0.1", MAIL.getSmtp().getPort(), null, null);
            transport.sendMessage(message, new InternetAddress[]{new InternetAddress(SUPPORT)});
        }
        assertThat(MAIL.waitForIncomingEmail(5_000, expected)).isTrue();
    }
}
