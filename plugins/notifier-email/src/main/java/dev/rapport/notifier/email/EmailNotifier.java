package dev.rapport.notifier.email;

import dev.rapport.toolkit.mail.SmtpSettings;
import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.api.spi.notify.Notification;
import dev.rapport.api.spi.notify.Notifier;
import dev.rapport.api.spi.notify.Recipient;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sends one message per addressee over one SMTP connection per notification. A temporary failure stops the
 * notification for a retry (addressees already served may get theirs twice: delivery is at least once); a permanent
 * refusal of one addressee does not hold back the others.
 */
final class EmailNotifier implements Notifier {
    private static final System.Logger LOG = System.getLogger(EmailNotifier.class.getName());

    private final SmtpSettings smtp;
    private final InternetAddress from;
    private final List<InternetAddress> to;
    private final Locale toLocale;
    private final MailTemplates templates;
    private final Clock clock;
    private final Session session;

    EmailNotifier(SmtpSettings smtp, InternetAddress from, List<InternetAddress> to, Locale toLocale,
                  MailTemplates templates, Clock clock) {
        this.smtp = smtp;
        this.from = from;
        this.to = List.copyOf(to);
        this.toLocale = toLocale;
        this.templates = templates;
        this.clock = clock;
        this.session = Session.getInstance(smtp.properties());
    }

    /** One message to write: to whom (a user id or "to" for the fixed addresses, for reasons and logs). */
    private record Outgoing(String who, MimeMessage message) {
    }

    @Override
    public Delivery deliver(Notification notification) {
        var outgoing = new ArrayList<Outgoing>();
        var refused = new ArrayList<String>();
        for (Recipient recipient : notification.recipients()) {
            if (recipient.email().isEmpty()) {
                continue;
            }
            try {
                var address = new InternetAddress(recipient.email().get(), recipient.name(), StandardCharsets.UTF_8.name());
                address.validate();
                outgoing.add(new Outgoing(recipient.id().value(), message(notification, address,
                        templates.render(notification.event(), recipient.name(), recipient.locale()))));
            } catch (AddressException | UnsupportedEncodingException e) {
                refused.add(recipient.id().value() + ": the address is not valid");
            } catch (MessagingException e) {
                throw new IllegalStateException("cannot compose a message", e);
            }
        }
        for (InternetAddress address : to) {
            try {
                outgoing.add(new Outgoing("to", message(notification, address,
                        templates.render(notification.event(), templates.team(toLocale), toLocale))));
            } catch (MessagingException e) {
                throw new IllegalStateException("cannot compose a message", e);
            }
        }
        if (outgoing.isEmpty()) {
            if (refused.isEmpty()) {
                LOG.log(System.Logger.Level.DEBUG, () -> "notification " + notification.id() + ": "
                        + notification.event().eventType() + " names no one with an e-mail address and no 'to' is set;"
                        + " nothing to send");
                return Delivery.delivered();
            }
            return new Delivery.Rejected(String.join("; ", refused));
        }
        return send(notification, outgoing, refused);
    }

    private Delivery send(Notification notification, List<Outgoing> outgoing, List<String> refused) {
        Transport transport;
        try {
            transport = session.getTransport("smtp");
        } catch (MessagingException e) {
            throw new IllegalStateException("Angus Mail's SMTP provider is missing", e);
        }
        try {
            try {
                transport.connect(smtp.host(), smtp.port(), smtp.user().orElse(null), smtp.password().orElse(null));
            } catch (MessagingException e) {
                return SmtpFailure.outcome(e, lastReply(transport), smtp.peer());
            }
            var receipts = new ArrayList<String>();
            for (Outgoing next : outgoing) {
                try {
                    transport.sendMessage(next.message(), next.message().getAllRecipients());
                    receipts.add(next.message().getMessageID());
                } catch (MessagingException e) {
                    Delivery outcome = SmtpFailure.outcome(e, lastReply(transport), smtp.peer());
                    if (outcome instanceof Delivery.RetryLater retry) {
                        return new Delivery.RetryLater(retry.after(), retry.reason() + " (after " + receipts.size()
                                + " of " + outgoing.size() + " messages)");
                    }
                    refused.add(next.who() + ": " + ((Delivery.Rejected) outcome).reason());
                }
            }
            if (receipts.isEmpty()) {
                return new Delivery.Rejected(String.join("; ", refused));
            }
            if (!refused.isEmpty()) {
                LOG.log(System.Logger.Level.WARNING, () -> "notification " + notification.id() + ": sent "
                        + receipts.size() + " of " + (receipts.size() + refused.size()) + " messages; refused for "
                        + refused.stream().map(r -> r.substring(0, r.indexOf(':'))).toList());
            }
            return new Delivery.Delivered(Optional.of(String.join(", ", receipts)
                    + (refused.isEmpty() ? "" : "; refused: " + String.join("; ", refused))));
        } finally {
            try {
                transport.close();
            } catch (MessagingException e) {
                // the messages are handed over; a failing QUIT changes nothing
            }
        }
    }

    private MimeMessage message(Notification notification, InternetAddress address, MailTemplates.Text text)
            throws MessagingException {
        var message = new MimeMessage(session);
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, address);
        message.setSubject(text.subject(), StandardCharsets.UTF_8.name());
        message.setText(text.body(), StandardCharsets.UTF_8.name());
        message.setContentLanguage(new String[]{text.locale().toLanguageTag()});
        message.setSentDate(Date.from(clock.instant()));
        // RFC 3834: no auto-replies to notifications.
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("X-Rapport-Notification", notification.id());
        message.saveChanges();
        return message;
    }

    private static int lastReply(Transport transport) {
        return transport instanceof SMTPTransport smtp ? smtp.getLastReturnCode() : -1;
    }

    @Override
    public void close() {
        // a connection lives for one notification only: nothing is held between calls
    }

    @Override
    public String toString() {
        return "EmailNotifier[" + smtp + " from " + from.getAddress() + "]";
    }
}
