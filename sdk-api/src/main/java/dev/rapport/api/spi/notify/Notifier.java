package dev.rapport.api.spi.notify;

/**
 * One configured notifier. Called on a delivery thread, one notification at a time, time-boxed by the SDK: a call
 * that throws or overruns counts as {@link Delivery.RetryLater}. Expected failures are values, not exceptions.
 */
public interface Notifier extends AutoCloseable {
    /** Delivers one notification; the same notification may come again after a crash (at least once). */
    Delivery deliver(Notification notification);

    /** Releases connections and threads; idempotent. */
    @Override
    void close();
}
