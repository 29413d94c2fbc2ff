package dev.rapport.notifier.log;

import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.api.spi.notify.Notification;
import dev.rapport.api.spi.notify.Notifier;
import dev.rapport.api.spi.notify.Recipient;

/** Writes one line per notification; holds nothing to release. */
final class LogNotifier implements Notifier {
    private final System.Logger logger;
    private final System.Logger.Level level;

    LogNotifier(System.Logger logger, System.Logger.Level level) {
        this.logger = logger;
        this.level = level;
    }

    @Override
    public Delivery deliver(Notification notification) {
        // Ids only: names and addresses are personal data and stay out of logs.
        logger.log(level, () -> "notification " + notification.id() + ": " + notification.event().eventType()
                + " of " + notification.event().subjectId() + ", attempt " + notification.attempt() + ", for "
                + notification.recipients().stream().map(Recipient::id).toList());
        return Delivery.delivered();
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "LogNotifier[" + logger.getName() + " at " + level + "]";
    }
}
