package dev.rapport.channel.email;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customers' side of a GreenMail server with SMTP and IMAP: the support mailbox the channel reads, messages sent
 * to it over SMTP exactly as written, and what customers received.
 */
final class CustomerMail {
    static final String SUPPORT = "support@rapport.example";
    static final String IMAP_PASSWORD = "imap-pass-5c2e91";
    static final String SMTP_USER = "relay";
    static final String SMTP_PASSWORD = "smtp-pass-7a40d3";

    private final GreenMailExtension mail;
    private final Session session = Session.getInstance(new Properties());

    CustomerMail(GreenMailExtension mail) {
        this.mail = mail;
    }

    /** The support mailbox the channel reads, and a user the channel may send as. */
    void openMailboxes() {
        mail.setUser(SUPPORT, "support", IMAP_PASSWORD);
        mail.setUser("relay@rapport.example", SMTP_USER, SMTP_PASSWORD);
    }

    /** Settings for a channel reading the support mailbox and sending through the server, with short timeouts. */
    Map<String, String> settings() {
        return new HashMap<>(Map.of("imap-host", "127.0.0.1", "imap-port", Integer.toString(mail.getImap().getPort()),
                "imap-ssl", "false", "imap-user", "support", "imap-password", IMAP_PASSWORD,
                "smtp-host", "127.0.0.1", "smtp-port", Integer.toString(mail.getSmtp().getPort()),
                "from", "Rapport Support <" + SUPPORT + ">", "connect-timeout", "1s", "read-timeout", "2s"));
    }

    /** A message with the given headers and a UTF-8 text body, which keeps the Message-ID it is given. */
    MimeMessage message(Map<String, String> headers, String text) throws MessagingException {
        var message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() {
                // keep the Message-ID the test set, or none
            }
        };
        message.setRecipients(Message.RecipientType.TO, SUPPORT);
        message.setText(text, StandardCharsets.UTF_8.name());
        for (var header : headers.entrySet()) {
            message.setHeader(header.getKey(), header.getValue());
        }
        message.saveChanges();
        return message;
    }

    /** Sends {@code message} to the support mailbox over SMTP and waits until the server has it. */
    void send(MimeMessage message) throws MessagingException {
        int expected = mail.getReceivedMessages().length + 1;
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("127.0.0.1", mail.getSmtp().getPort(), null, null);
            transport.sendMessage(message, new InternetAddress[]{new InternetAddress(SUPPORT)});
        }
        assertThat(mail.waitForIncomingEmail(5_000, expected)).as("the server received the message").isTrue();
    }

    /** Sends the message {@code rfc822} (lines ending in \n) byte for byte. */
    void sendRaw(String rfc822) throws MessagingException {
        send(new MimeMessage(session, new ByteArrayInputStream(
                rfc822.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8))));
    }

    /** The messages addressed to {@code address}, in the order the server received them. */
    List<MimeMessage> receivedBy(String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> addressedTo(m, address)).toList();
    }

    /** Whether the message with {@code messageId} in the support mailbox is flagged \Seen, as a mail client sees it. */
    boolean seen(String messageId) throws MessagingException {
        Store store = session.getStore("imap");
        store.connect("127.0.0.1", mail.getImap().getPort(), "support", IMAP_PASSWORD);
        try (store; Folder inbox = store.getFolder("INBOX")) {
            inbox.open(Folder.READ_ONLY);
            for (Message message : inbox.getMessages()) {
                String[] id = message.getHeader("Message-ID");
                if (id != null && id[0].equals("<" + messageId + ">")) {
                    return message.isSet(Flags.Flag.SEEN);
                }
            }
        }
        throw new AssertionError("no message " + messageId + " in the support mailbox");
    }

    /**
     * The Message-IDs (without brackets) of the messages in {@code folder} of the support mailbox not flagged
     * \Deleted, as a mail client lists them; empty when the folder does not exist.
     */
    List<String> idsIn(String folder) throws MessagingException {
        Store store = session.getStore("imap");
        store.connect("127.0.0.1", mail.getImap().getPort(), "support", IMAP_PASSWORD);
        try (store; Folder opened = store.getFolder(folder)) {
            if (!opened.exists()) {
                return List.of();
            }
            opened.open(Folder.READ_ONLY);
            var ids = new java.util.ArrayList<String>();
            for (Message message : opened.getMessages()) {
                String[] id = message.getHeader("Message-ID");
                if (id != null && !message.isSet(Flags.Flag.DELETED)) {
                    ids.add(id[0].replaceAll("^<|>$", ""));
                }
            }
            return ids;
        }
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            var to = message.getRecipients(Message.RecipientType.TO);
            return to != null
                    && Arrays.stream(to).anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
