package dev.rapport.notifier.email;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.api.spi.notify.Notifier;
import dev.rapport.testkit.LogCapture;
import dev.rapport.testkit.SampleNotifications;
import dev.rapport.testkit.TestPluginContext;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailNotifierTest {
    @RegisterExtension
    static final GreenMailExtension MAIL_SERVER = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("notifier", "smtp-pass-3e9d7a"));

    private final EmailNotifierFactory factory = new EmailNotifierFactory();

    @Test
    void eachRecipientWithAnAddressGetsOneMessageInTheirOwnLanguage() throws Exception {
        var delivery = deliver(Map.of(), SampleNotifications.ticketCreated());

        assertThat(delivery).isInstanceOfSatisfying(Delivery.Delivered.class,
                delivered -> assertThat(delivered.receipt()).hasValueSatisfying(r -> assertThat(r).contains("@")));
        MimeMessage[] received = MAIL_SERVER.getReceivedMessages();
        assertThat(received).hasSize(2);
        MimeMessage chinese = to(received, "li.na@rapport.example");
        MimeMessage english = to(received, "sam.taylor@rapport.example");
        assertThat(chinese.getSubject()).isEqualTo("[Rapport] 新工单 T202603020001，优先级 P1（紧急且重要）");
        assertThat((String) chinese.getContent()).contains("李娜，您好：")
                .contains("工单 T202603020001（类型 COMPLAINT，优先级 P1（紧急且重要））已于 2026-03-02 09:00 +08:00 创建，分派至部门 d-support。");
        assertThat(english.getSubject()).isEqualTo("[Rapport] New ticket T202603020001, priority P1 (urgent and important)");
        assertThat((String) english.getContent()).contains("Hello Sam Taylor,")
                .contains("ticket T202603020001 (COMPLAINT, priority P1 (urgent and important)) was opened at 2026-03-02 09:00 +08:00");
    }

    @Test
    void messagesAreUtf8WithTheSendersAddressTheClocksDateAndNoAutoReplies() throws Exception {
        deliver(Map.of(), SampleNotifications.slaWarning());

        MimeMessage message = MAIL_SERVER.getReceivedMessages()[0];
        assertThat(message.getHeader("Subject", null)).startsWith("=?UTF-8?");
        assertThat(message.getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat(message.getFrom()).containsExactly(new InternetAddress("Rapport <rapport@rapport.example>"));
        assertThat(((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getPersonal()).isEqualTo("李娜");
        assertThat(message.getSentDate().toInstant()).isEqualTo(TestPluginContext.START);
        assertThat(message.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(message.getHeader("X-Rapport-Notification", null)).isEqualTo("n-0003");
        assertThat(message.getContentLanguage()).containsExactly("zh-CN");
    }

    @Test
    void recipientsWithoutAnAddressAreSkippedAndFixedAddressesGetEveryNotificationInTheirLanguage() throws Exception {
        deliver(Map.of("to", "ops@rapport.example, Duty <duty@rapport.example>", "to-locale", "en"),
                SampleNotifications.ticketEscalated());

        MimeMessage[] received = MAIL_SERVER.getReceivedMessages();
        assertThat(Arrays.stream(received).map(this::recipient)).containsExactlyInAnyOrder(
                "sam.taylor@rapport.example", "ops@rapport.example", "duty@rapport.example");
        assertThat((String) to(received, "ops@rapport.example").getContent()).startsWith("Hello team,");
        assertThat(to(received, "ops@rapport.example").getSubject()).isEqualTo("[Rapport] Ticket t-0001 escalated to the experts");
    }

    @Test
    void anEventThatNamesNoOneWithAnAddressSendsNothingAndSaysSoAtDebug() {
        try (var log = LogCapture.start()) {
            var delivery = deliver(Map.of(), SampleNotifications.notification("n-0100",
                    SampleNotifications.ticketEscalated().event(), SampleNotifications.EXPERT_WITHOUT_ADDRESS));

            assertThat(delivery).isEqualTo(Delivery.delivered());
            assertThat(MAIL_SERVER.getReceivedMessages()).isEmpty();
            assertThat(log.linesOf(EmailNotifier.class.getName())).singleElement().asString()
                    .startsWith("FINE").contains("n-0100").contains("nothing to send");
        }
    }

    @Test
    void aNotificationNamingNoOneGoesToTheFixedAddressesWithTheDefaultTemplate() throws Exception {
        deliver(Map.of("to", "ops@rapport.example"), SampleNotifications.ticketClosed());

        assertThat(MAIL_SERVER.getReceivedMessages()).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).isEqualTo("[Rapport] 工单已关闭：t-0001"));
    }

    @Test
    void theNotifierAuthenticatesWithItsUserNameAndPassword() {
        var delivery = deliver(Map.of("username", "notifier", "password", "smtp-pass-3e9d7a"),
                SampleNotifications.ticketAssigned());

        assertThat(delivery).isInstanceOf(Delivery.Delivered.class);
        assertThat(MAIL_SERVER.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aRefusedPasswordIsRejectedWithoutShowingIt() {
        var delivery = deliver(Map.of("username", "notifier", "password", "not-the-password-81"),
                SampleNotifications.ticketAssigned());

        assertThat(delivery).isInstanceOfSatisfying(Delivery.Rejected.class,
                rejected -> assertThat(rejected.reason()).contains("535").doesNotContain("not-the-password-81"));
        assertThat(MAIL_SERVER.getReceivedMessages()).isEmpty();
    }

    @Test
    void withStarttlsRequiredNothingGoesOutInClearTextToAServerWithoutIt() {
        var delivery = deliver(Map.of("starttls", "true"), SampleNotifications.ticketAssigned());

        assertThat(delivery).isNotInstanceOf(Delivery.Delivered.class);
        assertThat(MAIL_SERVER.getReceivedMessages()).isEmpty();
    }

    @Test
    void unfitSettingsAreRefusedByNameWithoutShowingThePassword() {
        assertRefused(Map.of("username", "notifier"), "password");
        assertRefused(Map.of("password", "smtp-pass-3e9d7a"), "username");
        assertRefused(Map.of("from", "not an address"), "from");
        assertRefused(Map.of("to", "ops@rapport.example, @@"), "to");
        assertRefused(Map.of("port", "70000", "password", "smtp-pass-3e9d7a", "username", "n"), "port");
        assertRefused(Map.of("zone", "Mars/Olympus"), "zone");
        assertRefused(Map.of("read-timeout", "0s"), "read-timeout");
    }

    private void assertRefused(Map<String, String> change, String key) {
        var settings = new HashMap<>(settings());
        settings.putAll(change);
        assertThatThrownBy(() -> TestPluginContext.of(factory, settings).create(factory)).as(change.toString())
                .isInstanceOf(PluginConfigException.class).hasMessageContaining(key)
                .hasMessageNotContaining("smtp-pass-3e9d7a");
    }

    private Delivery deliver(Map<String, String> extra, dev.rapport.api.spi.notify.Notification notification) {
        var settings = new HashMap<>(settings());
        settings.putAll(extra);
        try (Notifier notifier = TestPluginContext.of(factory, settings).create(factory)) {
            return notifier.deliver(notification);
        }
    }

    private static Map<String, String> settings() {
        return Map.of("host", "127.0.0.1", "port", Integer.toString(MAIL_SERVER.getSmtp().getPort()),
                "from", "Rapport <rapport@rapport.example>", "read-timeout", "2s");
    }

    private MimeMessage to(MimeMessage[] messages, String address) {
        return Arrays.stream(messages).filter(m -> recipient(m).equals(address)).findFirst().orElseThrow();
    }

    private String recipient(MimeMessage message) {
        try {
            return ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
