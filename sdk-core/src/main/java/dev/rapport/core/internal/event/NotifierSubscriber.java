package dev.rapport.core.internal.event;

import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.api.spi.notify.Notification;
import dev.rapport.api.spi.notify.Notifier;
import dev.rapport.api.spi.notify.Recipient;
import dev.rapport.api.spi.storage.PendingDelivery;
import dev.rapport.api.spi.storage.Storage;
import dev.rapport.core.internal.plugin.PatientClose;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** One configured notifier instance as a subscriber: each event becomes a {@link Notification} for the people it names. */
final class NotifierSubscriber implements Subscriber {

    private final String name;
    private final Notifier notifier;
    private final DeliveryPolicy policy;
    private final List<String> secrets;

    /** @param secrets the values of the instance's secret settings, masked in whatever it says */
    NotifierSubscriber(String name, Notifier notifier, DeliveryPolicy policy, Set<String> secrets) {
        this.name = name;
        this.notifier = notifier;
        this.policy = policy;
        this.secrets = List.copyOf(secrets);
    }

    /** The id a notification keeps across redeliveries of its event. */
    static String notificationId(long position) {
        return "rapport-event-" + position;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DeliveryPolicy policy() {
        return policy;
    }

    @Override
    public boolean interruptible() {
        return true;
    }

    @Override
    public Callable<Delivery> call(PendingDelivery delivery, Storage storage) {
        var recipients = !Recipients.any(delivery.event()) ? List.<Recipient>of()
                : storage.inTransaction(tx -> Recipients.of(delivery.event(), tx));
        var notification = new Notification(notificationId(delivery.position()), delivery.event(), recipients,
                delivery.attempts() + 1);
        return () -> notifier.deliver(notification);
    }

    @Override
    public String safe(String text) {
        return SafeText.of(text, secrets);
    }

    @Override
    public void close() {
        PatientClose.close("notifier-" + name, notifier);
    }
}
