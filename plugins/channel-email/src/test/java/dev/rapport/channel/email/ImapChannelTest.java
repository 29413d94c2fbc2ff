package dev.rapport.channel.email;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.channel.Channel;
import dev.rapport.api.spi.channel.InboundMessage;
import dev.rapport.api.spi.channel.PollingChannel;
import dev.rapport.api.spi.channel.Replying;
import dev.rapport.api.spi.channel.Reply;
import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.api.ticket.Correspondent;
import dev.rapport.api.spi.channel.SetAside;
import dev.rapport.api.spi.channel.SettingAside;
import dev.rapport.testkit.LogCapture;
import dev.rapport.testkit.TestPluginContext;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The e-mail channel against a real mail server: what it reads of customers' messages, and how its replies look. */
class ImapChannelTest {
    @RegisterExtension
    static final GreenMailExtension MAIL_SERVER = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    private static final String CUSTOMER = "li.na@customer.example";
    private final CustomerMail customers = new CustomerMail(MAIL_SERVER);
    private final EmailChannelFactory factory = new EmailChannelFactory();

    @BeforeEach
    void openMailboxes() {
        customers.openMailboxes();
    }

    @Test
    void theIdsAMessageAnswersComeInReplyToFirstThenReferencesNearestFirstWithoutBracketsOrRepeats() throws Exception {
        customers.sendRaw("""
                From: Li Na <li.na@customer.example>
                To: support@rapport.example
                Subject: Re: [#T2026000123] Order missing
                Date: Mon, 02 Mar 2026 09:30:00 +0800
                Message-ID: <m-3@customer.example>
                In-Reply-To: <reply-2@rapport.example>
                References: <m-1@customer.example> <reply-1@rapport.example>
                 <m-2@customer.example> <reply-2@rapport.example> <m-3@customer.example>
                Content-Type: text/plain; charset=us-ascii

                Still nothing.
                """);

        InboundMessage message = pollOne();

        assertThat(message.messageId()).isEqualTo("m-3@customer.example");
        assertThat(message.references()).containsExactly("reply-2@rapport.example", "m-2@customer.example",
                "reply-1@rapport.example", "m-1@customer.example");
        assertThat(message.from()).isEqualTo(Correspondent.byEmail(CUSTOMER, Optional.of("Li Na")));
        assertThat(message.subject()).contains("Re: [#T2026000123] Order missing");
        assertThat(message.body()).isEqualTo("Still nothing.");
        assertThat(message.threadKey()).isEmpty();
        assertThat(message.sentAt()).isEqualTo(Instant.parse("2026-03-02T01:30:00Z"));
    }

    @Test
    void theTextAlternativeOfAMultipartMessageIsItsBodyAndAttachmentsAreLeftOut() throws Exception {
        customers.sendRaw("""
                From: li.na@customer.example
                To: support@rapport.example
                Subject: Invoice
                Message-ID: <m-1@customer.example>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="outer"

                --outer
                Content-Type: multipart/alternative; boundary="inner"

                --inner
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: quoted-printable

                Gr=C3=BC=C3=9Fe =E2=80=93 =E6=82=A8=E5=A5=BD,
                the invoice is attached.
                --inner
                Content-Type: text/html; charset=utf-8

                <p>Gr&uuml;&szlig;e, <b>the invoice</b> is attached.</p>
                --inner--
                --outer
                Content-Type: text/plain; charset=utf-8; name="notes.txt"
                Content-Disposition: attachment; filename="notes.txt"

                Attached notes, not the customer's message.
                --outer--
                """);

        assertThat(pollOne().body()).isEqualTo("Grüße – 您好,\nthe invoice is attached.");
    }

    @Test
    void anHtmlOnlyMessageGivesItsReadableText() throws Exception {
        customers.sendRaw("""
                From: li.na@customer.example
                To: support@rapport.example
                Subject: Order
                Message-ID: <m-1@customer.example>
                MIME-Version: 1.0
                Content-Type: text/html; charset=utf-8

                <html><head><title>Order</title><style>p { color: red; }</style></head>
                <body><!-- sent from my phone --><p>Hello&nbsp;team,</p>
                <p>My order <b>#1024</b> &amp; its invoice
                   are missing.<br>Tracking: A&lt;1&gt;</p>
                <ul><li>one kettle</li><li>two cups</li></ul>
                <script>alert('hi')</script><div>&#35874;&#x8C22;</div></body></html>
                """);

        assertThat(pollOne().body()).isEqualTo("""
                Hello team,

                My order #1024 & its invoice are missing.
                Tracking: A<1>

                - one kettle
                - two cups

                谢谢""");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "GB2312", "GBK"})
    void chineseSubjectSenderAndBodyAreDecoded(String charset) throws Exception {
        String subject = "订单未到，请帮忙查询";
        String body = "您好：\n我的订单 #1024 还没有到，请帮忙查询。\n谢谢！";
        customers.sendRaw("From: " + MimeUtility.encodeText("李娜", charset, "B") + " <li.na@customer.example>\n"
                + "To: support@rapport.example\n"
                + "Subject: " + MimeUtility.encodeText(subject, charset, "B") + "\n"
                + "Message-ID: <m-1@customer.example>\n"
                + "MIME-Version: 1.0\n"
                + "Content-Type: text/plain; charset=" + charset.toLowerCase() + "\n"
                + "Content-Transfer-Encoding: base64\n\n"
                + Base64.getMimeEncoder().encodeToString(body.getBytes(Charset.forName(charset))) + "\n");

        InboundMessage message = pollOne();

        assertThat(message.subject()).contains(subject);
        assertThat(message.from().name()).contains("李娜");
        assertThat(message.body()).isEqualTo(body);
    }

    @Test
    void aMessageWithoutMessageIdGetsTheSameIdFromItsContentEveryTimeAndCanBeAcknowledged() throws Exception {
        customers.sendRaw("""
                From: li.na@customer.example
                To: support@rapport.example
                Subject: No id
                Date: Mon, 02 Mar 2026 09:30:00 +0800

                My mailer sets no Message-ID.
                """);

        String first = pollOne().messageId();
        String again = pollOne().messageId();

        assertThat(first).matches("sha256-[0-9a-f]{64}@rapport\\.invalid").isEqualTo(again);
        try (PollingChannel channel = create(Map.of())) {
            channel.acknowledge(List.of(first));
            assertThat(channel.poll(10)).isEmpty();
        }
    }

    @Test
    void pollingLeavesMessagesUnreadForMailClientsAndAcknowledgingMarksThemRead() throws Exception {
        sendPlain("m-1@customer.example");

        try (PollingChannel channel = create(Map.of())) {
            channel.poll(10);
            assertThat(customers.seen("m-1@customer.example")).as("seen after polling").isFalse();

            channel.acknowledge(List.of("m-1@customer.example"));
            assertThat(customers.seen("m-1@customer.example")).as("seen after acknowledging").isTrue();
        }
    }

    @Test
    void aMessageThatCannotBeFiledIsMovedAsideOnceLoggedOnceAndReportedOnceAndTheOthersArePolled() throws Exception {
        customers.sendRaw("""
                To: support@rapport.example
                Subject: Who am I
                Message-ID: <anonymous@customer.example>

                No From, Sender or Reply-To.
                """);
        customers.sendRaw("""
                From: =?utf-8?B?5p2O5aic?=
                To: support@rapport.example
                Subject: Broken sender
                Message-ID: <malformed@customer.example>

                The From header is one encoded word and no address.
                """);
        sendPlain("m-2@customer.example");

        try (var log = LogCapture.start(); PollingChannel channel = create(Map.of())) {
            assertThat(channel.poll(1)).extracting(InboundMessage::messageId).containsExactly("m-2@customer.example");
            assertThat(channel.poll(10)).extracting(InboundMessage::messageId).containsExactly("m-2@customer.example");

            var warnings = log.linesOf(ImapChannel.class.getName()).stream()
                    .filter(line -> line.startsWith("WARNING")).toList();
            assertThat(warnings).as("one line per message, not one per poll").hasSize(2);
            assertThat(warnings).anySatisfy(line -> assertThat(line).startsWith("WARNING")
                    .contains("anonymous@customer.example").contains("no sender").contains("Rapport-Unfiled"));
            assertThat(warnings).noneMatch(line -> line.contains("李娜"));
            var setAside = ((SettingAside) channel).takeSetAside();
            assertThat(setAside).extracting(SetAside::messageId)
                    .containsExactly("anonymous@customer.example", "malformed@customer.example");
            assertThat(setAside).allSatisfy(aside -> assertThat(aside.place()).contains("Rapport-Unfiled"));
            assertThat(((SettingAside) channel).takeSetAside()).as("each reported once").isEmpty();
        }
        assertThat(customers.idsIn("INBOX")).containsExactly("m-2@customer.example");
        assertThat(customers.idsIn("Rapport-Unfiled"))
                .containsExactlyInAnyOrder("anonymous@customer.example", "malformed@customer.example");
    }

    @Test
    void theFolderForMessagesThatCannotBeFiledIsConfigurable() throws Exception {
        customers.sendRaw("""
                To: support@rapport.example
                Subject: Who am I
                Message-ID: <nobody@customer.example>

                No sender.
                """);

        try (PollingChannel channel = create(Map.of("failed-folder", "Support-Problems"))) {
            assertThat(channel.poll(10)).isEmpty();
        }
        assertThat(customers.idsIn("Support-Problems")).containsExactly("nobody@customer.example");
        assertRefused(Map.of("failed-folder", "INBOX"), "failed-folder");
    }

    @Test
    void aMessageWithoutADateWasSentWhenTheMailboxReceivedIt() throws Exception {
        Instant before = Instant.now().minusSeconds(2);
        sendPlain("m-1@customer.example");

        assertThat(pollOne().sentAt()).isBetween(before, Instant.now().plusSeconds(2));
    }

    @Test
    void aReplyCarriesItsIdTheThreadAndTheSubjectAsTheCustomerReceivesIt() throws Exception {
        customers.sendRaw("""
                From: =?UTF-8?B?5p2O5aic?= <li.na@customer.example>
                To: support@rapport.example
                Subject: Order missing
                Message-ID: <m-2@customer.example>
                References: <m-1@customer.example>
                In-Reply-To: <m-1@customer.example>

                Any news?
                """);
        InboundMessage message = pollOne();
        var reply = new Reply("reply-0001", "T2026000123", message.from(), "Re: [#T2026000123] 订单未到",
                "李女士您好：\n我们已经重新发货。", Optional.of(message.messageId()),
                List.of("m-1@customer.example", "m-2@customer.example"), Optional.empty());

        assertThat(reply(Map.of(), reply)).isEqualTo(new Delivery.Delivered(Optional.of("reply-0001@rapport.example")));

        MimeMessage received = customers.receivedBy(CUSTOMER).getFirst();
        assertThat(received.getHeader("Message-ID", null)).isEqualTo("<reply-0001@rapport.example>");
        assertThat(received.getHeader("In-Reply-To", null)).isEqualTo("<m-2@customer.example>");
        assertThat(MimeUtility.unfold(received.getHeader("References", null)))
                .isEqualTo("<m-1@customer.example> <m-2@customer.example>");
        assertThat(received.getSubject()).isEqualTo("Re: [#T2026000123] 订单未到");
        assertThat(received.getHeader("Subject", null)).startsWith("=?UTF-8?");
        assertThat(received.getFrom()).containsExactly(new InternetAddress("Rapport Support <support@rapport.example>"));
        assertThat(((InternetAddress) received.getRecipients(MimeMessage.RecipientType.TO)[0]).getPersonal())
                .isEqualTo("李娜");
        assertThat(received.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(((String) received.getContent()).replace("\r\n", "\n").strip())
                .isEqualTo("李女士您好：\n我们已经重新发货。");
        assertThat(received.getSentDate().toInstant()).isEqualTo(TestPluginContext.START);
    }

    @Test
    void aReplyIdIsEscapedToFitAMessageIdAtTheConfiguredDomain() throws Exception {
        var reply = new Reply("reply 7<ü>", "T2026000123", Correspondent.byEmail(CUSTOMER, Optional.empty()),
                "Re: [#T2026000123] Order", "Done.", Optional.empty(), List.of(), Optional.empty());

        var delivery = reply(Map.of("message-id-domain", "mail.rapport.example"), reply);

        assertThat(delivery).isEqualTo(new Delivery.Delivered(Optional.of("reply%207%3C%C3%BC%3E@mail.rapport.example")));
        MimeMessage received = customers.receivedBy(CUSTOMER).getFirst();
        assertThat(received.getHeader("Message-ID", null)).isEqualTo("<reply%207%3C%C3%BC%3E@mail.rapport.example>");
        assertThat(received.getHeader("In-Reply-To")).isNull();
        assertThat(received.getHeader("References")).isNull();
    }

    @Test
    void aReplyToSomeoneWithoutAnEmailAddressIsRejected() {
        var byPhone = new Correspondent(Optional.of("Li Na"), Optional.empty(), Optional.of("+86 138 0000 0000"),
                Optional.empty());

        assertThat(reply(Map.of(), aReply(byPhone))).isInstanceOf(Delivery.Rejected.class);
        assertThat(MAIL_SERVER.getReceivedMessages()).isEmpty();
    }

    @Test
    void aReplyWhileTheSmtpServerIsDownIsRetriedLater() throws IOException {
        var delivery = reply(Map.of("smtp-port", Integer.toString(closedPort())), aReply(customer()));

        assertThat(delivery).isInstanceOfSatisfying(Delivery.RetryLater.class,
                retry -> assertThat(retry.reason()).contains("127.0.0.1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"550 5.1.1 No such user here", "553 5.1.3 Bad recipient address syntax"})
    void aRecipientRefusedForGoodIsRejected(String refusal) {
        try (var server = RefusingSmtpServer.answeringRecipients(refusal)) {
            var delivery = reply(Map.of("smtp-port", Integer.toString(server.port())), aReply(customer()));

            assertThat(delivery).isInstanceOfSatisfying(Delivery.Rejected.class,
                    rejected -> assertThat(rejected.reason()).contains(refusal.substring(0, 3)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"450 4.2.1 Mailbox busy", "451 4.3.0 Try again later"})
    void aRecipientRefusedForNowIsRetriedLater(String refusal) {
        try (var server = RefusingSmtpServer.answeringRecipients(refusal)) {
            var delivery = reply(Map.of("smtp-port", Integer.toString(server.port())), aReply(customer()));

            assertThat(delivery).isInstanceOf(Delivery.RetryLater.class);
        }
    }

    @Test
    void anUnreachableImapServerIsAnUncheckedIOExceptionNamingItWithoutThePassword() throws IOException {
        int port = closedPort();

        try (PollingChannel channel = create(Map.of("imap-port", Integer.toString(port)))) {
            assertThatThrownBy(() -> channel.poll(10)).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("127.0.0.1:" + port).hasMessageNotContaining(CustomerMail.IMAP_PASSWORD);
            assertThatThrownBy(() -> channel.acknowledge(List.of("m-1@customer.example")))
                    .isInstanceOf(UncheckedIOException.class).hasMessageContaining("127.0.0.1:" + port);
        }
    }

    @Test
    void aRefusedPasswordIsAnUncheckedIOExceptionWithoutThePassword() {
        try (PollingChannel channel = create(Map.of("imap-password", "not-the-password-4d1c"))) {
            assertThatThrownBy(() -> channel.poll(10)).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("127.0.0.1").hasMessageNotContaining("not-the-password-4d1c");
        }
    }

    @Test
    void aMissingFolderIsAnUncheckedIOExceptionNamingIt() {
        try (PollingChannel channel = create(Map.of("folder", "Support/Inbound"))) {
            assertThatThrownBy(() -> channel.poll(10)).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("Support/Inbound");
        }
    }

    @Test
    void withoutPortsTheChannelUsesImapsOn993AndSmtpOn25Or587WithStarttls() {
        var settings = new HashMap<>(customers.settings());
        settings.remove("imap-port");
        settings.remove("imap-ssl");
        settings.remove("smtp-port");

        try (Channel channel = TestPluginContext.of(factory, settings).create(factory)) {
            assertThat(channel).hasToString("ImapChannel[imaps://support@127.0.0.1:993/INBOX, smtp://127.0.0.1:25,"
                    + " from support@rapport.example]");
        }
        settings.put("smtp-starttls", "true");
        try (Channel channel = TestPluginContext.of(factory, settings).create(factory)) {
            assertThat(channel.toString()).contains("smtp://127.0.0.1:587 with STARTTLS");
        }
    }

    @Test
    void unfitSettingsAreRefusedByNameWithoutShowingThePasswords() {
        assertRefused(Map.of("smtp-user", "relay"), "smtp-password");
        assertRefused(Map.of("smtp-password", CustomerMail.SMTP_PASSWORD), "smtp-user");
        assertRefused(Map.of("from", "not an address"), "from");
        assertRefused(Map.of("from", "support"), "from");
        assertRefused(Map.of("imap-port", "70000"), "imap-port");
        assertRefused(Map.of("smtp-port", "0"), "smtp-port");
        assertRefused(Map.of("message-id-domain", "rapport example"), "message-id-domain");
        assertRefused(Map.of("read-timeout", "0s"), "read-timeout");
        assertRefused(Map.of("imap-ssl", "yes"), "imap-ssl");
    }

    private void assertRefused(Map<String, String> change, String key) {
        var settings = new HashMap<>(customers.settings());
        settings.putAll(change);
        assertThatThrownBy(() -> TestPluginContext.of(factory, settings).create(factory)).as(change.toString())
                .isInstanceOf(PluginConfigException.class).hasMessageContaining(key)
                .hasMessageNotContaining(CustomerMail.IMAP_PASSWORD).hasMessageNotContaining(CustomerMail.SMTP_PASSWORD);
    }

    private PollingChannel create(Map<String, String> change) {
        var settings = new HashMap<>(customers.settings());
        settings.putAll(change);
        return (PollingChannel) TestPluginContext.of(factory, settings).create(factory);
    }

    private InboundMessage pollOne() {
        try (PollingChannel channel = create(Map.of())) {
            List<InboundMessage> polled = channel.poll(10);
            assertThat(polled).hasSize(1);
            return polled.getFirst();
        }
    }

    private Delivery reply(Map<String, String> change, Reply reply) {
        try (PollingChannel channel = create(change)) {
            return ((Replying) channel).reply(reply);
        }
    }

    private void sendPlain(String messageId) throws Exception {
        customers.send(customers.message(Map.of("Message-ID", "<" + messageId + ">", "From", CUSTOMER,
                "Subject", "Order missing"), "Where is my order?"));
    }

    private static Correspondent customer() {
        return Correspondent.byEmail(CUSTOMER, Optional.of("李娜"));
    }

    private static Reply aReply(Correspondent to) {
        return new Reply("reply-0001", "T2026000123", to, "Re: [#T2026000123] Order missing", "Shipped again.",
                Optional.of("m-1@customer.example"), List.of("m-1@customer.example"), Optional.empty());
    }

    private static int closedPort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
