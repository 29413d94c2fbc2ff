package dev.rapport.channel.email;

import dev.rapport.api.spi.channel.InboundMessage;
import dev.rapport.api.ticket.Correspondent;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/** What the SDK gets of one e-mail: its id, sender, subject, text, the ids it answers, and when it was sent. */
final class InboundMail {
    private static final System.Logger LOG = System.getLogger(InboundMail.class.getName());
    private static final String[] SENDER_HEADERS = {"From", "Sender", "Reply-To"};

    private InboundMail() {
    }

    /** The id of a message: its {@code Message-ID}, or one derived from its bytes when it has none. */
    static String id(String messageIdHeader, byte[] raw) {
        return MessageIds.of(messageIdHeader).orElseGet(() -> MessageIds.synthetic(raw));
    }

    /**
     * Reads the message {@code raw}.
     *
     * @param parsing  a session for parsing only (it accepts UTF-8 in headers)
     * @param received when the mailbox received it, for a message without a {@code Date}
     * @return empty when the message names no sender the SDK could answer
     */
    static Optional<InboundMessage> read(Session parsing, byte[] raw, Optional<Instant> received, Clock clock)
            throws MessagingException {
        var mime = new MimeMessage(parsing, new ByteArrayInputStream(raw));
        String id = id(mime.getHeader("Message-ID", null), raw);
        Optional<InternetAddress> sender = sender(mime);
        if (sender.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new InboundMessage(id,
                Correspondent.byEmail(sender.get().getAddress(), Optional.ofNullable(sender.get().getPersonal())),
                Optional.ofNullable(mime.getSubject()), body(mime, raw, id),
                MessageIds.references(id, mime.getHeader("In-Reply-To", " "), mime.getHeader("References", " ")),
                Optional.empty(),
                Optional.ofNullable(mime.getSentDate()).map(Date::toInstant).or(() -> received)
                        .orElseGet(clock::instant)));
    }

    private static Optional<InternetAddress> sender(MimeMessage mime) {
        for (String header : SENDER_HEADERS) {
            try {
                String value = mime.getHeader(header, ",");
                if (value == null) {
                    continue;
                }
                for (Address address : InternetAddress.parseHeader(value, false)) {
                    if (address instanceof InternetAddress internet && internet.getAddress() != null
                            && internet.getAddress().indexOf('@') > 0) {
                        return Optional.of(internet);
                    }
                }
            } catch (MessagingException unparseable) {
                // try the next header
            }
        }
        return Optional.empty();
    }

    /** The text; for a message whose structure cannot be read, whatever follows its headers, so nothing is lost. */
    private static String body(MimeMessage mime, byte[] raw, String id) {
        try {
            return MailText.of(mime);
        } catch (MessagingException | IOException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "message " + id + ": its MIME structure cannot be read ("
                    + e.getMessage() + "); taking the raw text after its headers");
            String text = new String(raw, StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            return (end < 0 ? text : text.substring(end + 4)).strip();
        }
    }
}
