package dev.rapport.notifier.email;

import dev.rapport.api.spi.notify.Delivery;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What an SMTP failure means for a notification: a 4xx reply, a refused connection, a timeout or any other network
 * failure may pass (retry later); a 5xx reply will not (rejected).
 */
final class SmtpFailure {
    private SmtpFailure() {
    }

    /**
     * @param lastReply the transport's last reply code, for failures that carry none of their own (a bad greeting,
     *                  a refused AUTH); -1 when unknown
     */
    static Delivery outcome(MessagingException failure, int lastReply, String peer) {
        String reason = "SMTP " + peer + ": " + describe(failure);
        if (networkFailure(failure)) {
            return new Delivery.RetryLater(Duration.ZERO, reason);
        }
        int code = replyCode(failure).orElse(lastReply);
        if (code >= 500 && code < 600) {
            return new Delivery.Rejected(reason);
        }
        return new Delivery.RetryLater(Duration.ZERO, reason);
    }

    /** The reply code an Angus exception carries, its own or a chained one's. */
    static OptionalInt replyCode(MessagingException failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Exception e = failure; e != null && seen.add(e);
             e = e instanceof MessagingException m ? m.getNextException() : null) {
            switch (e) {
                case SMTPSendFailedException f when f.getReturnCode() > 0 -> {
                    return OptionalInt.of(f.getReturnCode());
                }
                case SMTPAddressFailedException f when f.getReturnCode() > 0 -> {
                    return OptionalInt.of(f.getReturnCode());
                }
                case SMTPSenderFailedException f when f.getReturnCode() > 0 -> {
                    return OptionalInt.of(f.getReturnCode());
                }
                default -> {
                }
            }
        }
        return OptionalInt.empty();
    }

    private static boolean networkFailure(MessagingException failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = next(t)) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null) {
            return m.getNextException();
        }
        return t.getCause();
    }

    private static String describe(MessagingException failure) {
        var text = new StringBuilder(oneLine(failure.getMessage()));
        Set<Throwable> seen = new HashSet<>();
        seen.add(failure);
        for (Throwable t = next(failure); t != null && seen.add(t) && seen.size() < 5; t = next(t)) {
            text.append("; ").append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(' ').append(oneLine(t.getMessage()));
            }
        }
        return text.toString();
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s+", " ");
    }
}
