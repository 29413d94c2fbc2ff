package dev.rapport.channel.email;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.rapport.api.spi.channel.ChannelFactory;
import dev.rapport.testkit.PollingChannelContract;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class EmailChannelContractTest extends PollingChannelContract {
    @RegisterExtension
    static final GreenMailExtension MAIL_SERVER = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    private static final Instant SENT = Instant.parse("2026-03-01T23:00:00Z");
    private final CustomerMail customers = new CustomerMail(MAIL_SERVER);
    private int delivered;

    @BeforeEach
    void openMailboxes() {
        customers.openMailboxes();
    }

    @Override
    protected ChannelFactory factory() {
        return new EmailChannelFactory();
    }

    @Override
    protected Map<String, String> minimalConfig() {
        return customers.settings();
    }

    @Override
    protected Map<String, String> changedValues() {
        return Map.of("folder", "Support", "failed-folder", "Support-Unfiled", "smtp-user", CustomerMail.SMTP_USER,
                "smtp-password", CustomerMail.SMTP_PASSWORD, "message-id-domain", "mail.rapport.example");
    }

    @Override
    protected Set<String> requiredKeys() {
        return Set.of("imap-host", "imap-user", "imap-password", "smtp-host", "from");
    }

    @Override
    protected Map<String, String> withSecrets() {
        return Map.of("imap-password", CustomerMail.IMAP_PASSWORD, "smtp-user", CustomerMail.SMTP_USER,
                "smtp-password", CustomerMail.SMTP_PASSWORD);
    }

    @Override
    protected boolean isPeerThread(Thread thread) {
        return thread.getName().startsWith("smtp") || thread.getName().startsWith("imap");
    }

    @Override
    protected void deliverToSource(String messageId, String from, String subject, String body,
                                   List<String> references) {
        try {
            var headers = new LinkedHashMap<String, String>();
            headers.put("Message-ID", "<" + messageId + ">");
            headers.put("From", new InternetAddress(from, "李娜", StandardCharsets.UTF_8.name()).toString());
            headers.put("Subject", MimeUtility.encodeText(subject, StandardCharsets.UTF_8.name(), "B"));
            if (!references.isEmpty()) {
                headers.put("In-Reply-To", "<" + references.getFirst() + ">");
                headers.put("References", references.reversed().stream().map(id -> "<" + id + ">")
                        .collect(Collectors.joining(" ")));
            }
            MimeMessage message = customers.message(headers, body);
            message.setSentDate(Date.from(SENT.plusSeconds(++delivered)));
            message.saveChanges();
            customers.send(message);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected List<PeerReply> repliesReceived() {
        return customers.receivedBy(sampleSender()).stream().map(m -> {
            try {
                return new PeerReply(MessageIds.of(m.getMessageID()).orElseThrow(),
                        ((InternetAddress) m.getRecipients(MimeMessage.RecipientType.TO)[0]).getAddress(),
                        m.getSubject(), (String) m.getContent());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    /** Configuration names the plugin by this id ({@code rapport.channels.<name>.type=email}): it never changes. */
    @Test
    void isConfiguredAsEmail() {
        assertThat(factory().id()).isEqualTo("email");
    }
}
