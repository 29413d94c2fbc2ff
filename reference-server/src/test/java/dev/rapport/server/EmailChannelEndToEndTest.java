package dev.rapport.server;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.rapport.api.ticket.Intake;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.LogCapture;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue acceptance: an e-mail to the support inbox (GreenMail, real SMTP and IMAP) becomes a ticket; the agent's
 * answer goes out by mail; the customer's reply to it joins the same ticket; the same message twice creates nothing.
 * A mail that cannot be filed is moved aside once, named once in the log, and listed for an administrator.
 */
class EmailChannelEndToEndTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    private static final String SUPPORT = "support@rapport.example";
    private static final String CUSTOMER = "li.na@customer.example";

    private final Session session = Session.getInstance(new Properties());

    private TestServer start(TestDatabase db) {
        MAIL.setUser(SUPPORT, "support", "imap-secret-1");
        return new TestServer(db, builder -> builder.pollChannels(false)
                .config("rapport.channels.support-mail.type", "email")
                .config("rapport.channels.support-mail.imap-host", "127.0.0.1")
                .config("rapport.channels.support-mail.imap-port", Integer.toString(MAIL.getImap().getPort()))
                .config("rapport.channels.support-mail.imap-ssl", "false")
                .config("rapport.channels.support-mail.imap-user", "support")
                .config("rapport.channels.support-mail.imap-password", "imap-secret-1")
                .config("rapport.channels.support-mail.smtp-host", "127.0.0.1")
                .config("rapport.channels.support-mail.smtp-port", Integer.toString(MAIL.getSmtp().getPort()))
                .config("rapport.channels.support-mail.from", "Rapport Support <" + SUPPORT + ">")
                .config("rapport.events.poll-interval", "50ms"));
    }

    @StorageTest
    void aMailBecomesATicketTheAnswerGoesOutAndTheReplyJoinsIt(TestDatabase db) throws Exception {
        try (var server = start(db)) {
            send("""
                    Message-ID: <first-1@customer.example>
                    From: Li Na <li.na@customer.example>
                    To: support@rapport.example
                    Subject: =?UTF-8?B?5Y+R56Wo5oqs5aS06ZSZ6K+v?=
                    Content-Type: text/plain; charset=UTF-8

                    The invoice header is wrong.
                    """);
            var opened = server.rapport.inbox().pollNow();
            assertThat(opened).extracting(Intake::kind).containsExactly(Intake.Kind.OPENED);
            String ticketId = opened.getFirst().ticketId().orElseThrow().value();
            String number = opened.getFirst().ticketNumber().orElseThrow();

            String agent = server.login("supervisor");
            var ticket = server.get("/api/v1/tickets/" + ticketId, agent);
            var progress = server.post("/api/v1/tickets/" + ticketId + "/progress", agent, Map.of("version",
                    ticket.version(), "action", "Which invoice number is it?", "visibility", "CUSTOMER"));
            assertThat(progress.status()).isEqualTo(200);
            assertThat(MAIL.waitForIncomingEmail(10_000, 2)).as("the answer mailed to the customer").isTrue();
            var answer = Arrays.stream(MAIL.getReceivedMessages())
                    .filter(m -> address(m).contains(CUSTOMER)).findFirst().orElseThrow();
            assertThat(answer.getSubject()).contains("[#" + number + "]");
            assertThat(answer.getHeader("In-Reply-To")[0]).isEqualTo("<first-1@customer.example>");

            String reply = """
                    Message-ID: <second-2@customer.example>
                    From: Li Na <li.na@customer.example>
                    To: support@rapport.example
                    Subject: Re: %s
                    In-Reply-To: %s
                    References: <first-1@customer.example> %s
                    Content-Type: text/plain; charset=UTF-8

                    It is INV-2026-0042.
                    """.formatted(answer.getSubject(), answer.getMessageID(), answer.getMessageID());
            send(reply);
            var joined = server.rapport.inbox().pollNow();
            send(reply);
            var again = server.rapport.inbox().pollNow();

            assertThat(joined).extracting(Intake::kind).containsExactly(Intake.Kind.APPENDED);
            assertThat(joined.getFirst().ticketNumber()).contains(number);
            assertThat(again).extracting(Intake::kind).containsExactly(Intake.Kind.DUPLICATE);
            var messages = server.get("/api/v1/tickets/" + ticketId + "/messages", agent).body().at("/items");
            assertThat(messages).extracting(m -> m.get("direction").asText())
                    .containsExactly("INBOUND", "OUTBOUND", "INBOUND");
            assertThat(server.get("/api/v1/tickets?limit=200", agent).body().at("/items").findValuesAsText("number")
                    .stream().filter(number::equals)).hasSize(1);
        }
    }

    @StorageTest
    void aMailThatCannotBeFiledIsSetAsideOnceNamedOnceInTheLogAndListedForAnAdministrator(TestDatabase db)
            throws Exception {
        try (var server = start(db); var log = LogCapture.start()) {
            send("""
                    Message-ID: <malformed-1@customer.example>
                    From: =?utf-8?B?5p2O5aic?=
                    To: support@rapport.example
                    Subject: Broken sender

                    The From header is one encoded word and no address.
                    """);

            for (int poll = 0; poll < 3; poll++) {
                assertThat(server.rapport.inbox().pollNow()).isEmpty();
            }

            assertThat(log.lines()).filteredOn(line -> line.matches("(?s)(INFO|WARNING|SEVERE) .*")
                            && line.contains("malformed-1@customer.example"))
                    .as("named once, not at every poll").singleElement().asString().startsWith("WARNING")
                    .contains("Rapport-Unfiled");
            var admin = server.login("admin");
            var setAside = server.get("/api/v1/admin/channels/set-aside", admin);
            assertThat(setAside.status()).isEqualTo(200);
            assertThat(setAside.body().at("/items")).hasSize(1);
            assertThat(setAside.text("/items/0/channel")).isEqualTo("support-mail");
            assertThat(setAside.text("/items/0/messageId")).isEqualTo("malformed-1@customer.example");
            assertThat(setAside.text("/items/0/place")).contains("Rapport-Unfiled");
            assertThat(setAside.text("/items/0/reason")).contains("no sender");
            assertThat(server.get("/api/v1/admin/channels/set-aside", server.login("agent")).status()).isEqualTo(403);
            assertThat(server.get("/api/v1/admin/channels/set-aside?limit=0", admin).status()).isEqualTo(422);
        }
    }

    private void send(String rfc822) throws Exception {
        int expected = MAIL.getReceivedMessages().length + 1;
        var message = new MimeMessage(session, new ByteArrayInputStream(
                rfc822.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("127.0.0.1", MAIL.getSmtp().getPort(), null, null);
            transport.sendMessage(message, new InternetAddress[]{new InternetAddress(SUPPORT)});
        }
        assertThat(MAIL.waitForIncomingEmail(5_000, expected)).isTrue();
    }

    private static String address(MimeMessage message) {
        try {
            return Arrays.toString(message.getRecipients(Message.RecipientType.TO));
        } catch (Exception e) {
            return "";
        }
    }
}
