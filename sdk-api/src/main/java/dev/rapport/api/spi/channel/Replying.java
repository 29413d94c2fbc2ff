package dev.rapport.api.spi.channel;

import dev.rapport.api.spi.notify.Delivery;

/**
 * The ability of a {@link Channel} to answer: the SDK sends each customer-visible progress entry of a ticket that came
 * in through the channel back through it. Replies go out from the outbox like notifications: at least once, in order
 * per ticket, retried with back-off as the {@link Delivery} says, dead-lettered at last.
 */
public interface Replying {
    /**
     * Sends one reply. The same reply may come again after a crash or a retry, with the same
     * {@link Reply#replyId()}.
     *
     * @return {@link Delivery.Delivered} with the message id the reply went out under as its receipt, so that the
     * customer's answer to it threads back to the ticket
     */
    Delivery reply(Reply reply);
}
