package dev.rapport.core.internal.event;

import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.api.spi.storage.PendingDelivery;
import dev.rapport.api.spi.storage.Storage;

import java.util.concurrent.Callable;

/**
 * One receiver of every event, with a delivery state of its own per event: the in-process listeners, a notifier, or a
 * channel's replies.
 */
sealed interface Subscriber extends AutoCloseable
        permits Listeners, NoticeSubscriber, NotifierSubscriber, ReplySubscriber, SurveySubscriber {
    /** The permanent name its deliveries are kept under. */
    String name();

    DeliveryPolicy policy();

    /**
     * Whether this node delivers to it now. A node without listeners leaves the listeners' deliveries to the nodes
     * that have some, rather than completing them for no one.
     */
    default boolean active() {
        return true;
    }

    /**
     * Whether {@code event} means anything to it. A delivery of an event that does not is completed in the
     * transaction that claims it, with no call and no commit of its own: most events concern only the listeners and
     * the notifiers, and a survey provider or a channel would otherwise cost a time-boxed call and a commit for each.
     */
    default boolean concerns(DomainEvent event) {
        return true;
    }

    /** Whether a call that overruns may be interrupted: not for host code that may be using the SDK's storage. */
    boolean interruptible();

    /**
     * The call that delivers {@code delivery}, prepared on the lane's thread (it may read {@code storage}); the call
     * itself runs time-boxed on another thread.
     */
    Callable<Delivery> call(PendingDelivery delivery, Storage storage);

    /**
     * What a call that answered {@code Delivered} leaves to be done on the lane's thread, outside the time box, before
     * the delivery is recorded as done: e.g. keeping what a plugin returned. Storage is safe to use here (a plugin's
     * call may be interrupted; this never is). A throw makes the attempt a retry.
     *
     * @param call the call {@link #call} prepared, which ran
     * @return the outcome to record
     */
    default Delivery settle(PendingDelivery delivery, Callable<Delivery> call, Delivery delivered, Storage storage) {
        return delivered;
    }

    /** A text from the subscriber made fit for logs and the dead-letter list: secrets masked, one line, bounded. */
    String safe(String text);

    @Override
    void close();
}
