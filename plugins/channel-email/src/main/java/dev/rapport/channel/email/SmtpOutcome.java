package dev.rapport.channel.email;

import dev.rapport.api.spi.notify.Delivery;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * What an SMTP failure means for a reply: a refused connection, a timeout, any other network failure or a 4xx reply
 * may pass (retry later); a 5xx reply will not (rejected).
 */
final class SmtpOutcome {
    private static final int MAX_CAUSES = 5;

    private SmtpOutcome() {
    }

    /**
     * @param lastReply the transport's last reply code, for failures that carry none of their own (a bad greeting,
     *                  a refused AUTH); -1 when unknown
     */
    static Delivery of(MessagingException failure, int lastReply, String peer) {
        int code = -1;
        boolean network = false;
        var reason = new StringBuilder("SMTP ").append(peer).append(": ").append(oneLine(failure.getMessage()));
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t) && seen.size() <= MAX_CAUSES; t = next(t)) {
            network |= t instanceof IOException;
            if (code <= 0) {
                code = replyCode(t);
            }
            if (t != failure) {
                reason.append("; ").append(t.getClass().getSimpleName()).append(' ').append(oneLine(t.getMessage()));
            }
        }
        if (code <= 0) {
            code = lastReply;
        }
        if (!network && code >= 500 && code < 600) {
            return new Delivery.Rejected(reason.toString());
        }
        return new Delivery.RetryLater(Duration.ZERO, reason.toString());
    }

    private static int replyCode(Throwable t) {
        return switch (t) {
            case SMTPSendFailedException f -> f.getReturnCode();
            case SMTPAddressFailedException f -> f.getReturnCode();
            case SMTPSenderFailedException f -> f.getReturnCode();
            default -> -1;
        };
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null) {
            return m.getNextException();
        }
        return t.getCause();
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s+", " ");
    }
}
