package dev.rapport.core.internal.event;

import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.event.ReplyQueued;
import dev.rapport.api.spi.channel.Reply;
import dev.rapport.api.spi.channel.Replying;
import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.api.spi.storage.PendingDelivery;
import dev.rapport.api.spi.storage.Storage;
import dev.rapport.api.ticket.TicketMessage;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * A channel that can answer, as a subscriber: each {@link ReplyQueued} for it becomes a {@link Replying#reply} of the
 * queued message. Every other event is done at once. Kept under {@link #subscriberName}, which no notifier can have.
 */
final class ReplySubscriber implements Subscriber {
    private final String channelName;
    private final Replying channel;
    private final DeliveryPolicy policy;
    private final List<String> secrets;
    private final ReplyBodies bodies;

    ReplySubscriber(String channelName, Replying channel, DeliveryPolicy policy, Set<String> secrets,
                    ReplyBodies bodies) {
        this.bodies = bodies;
        this.channelName = channelName;
        this.channel = channel;
        this.policy = policy;
        this.secrets = List.copyOf(secrets);
    }

    /** {@code channel.support-mail}: a dot never occurs in a notifier's kebab-case name. */
    static String subscriberName(String channelName) {
        return "channel." + channelName;
    }

    @Override
    public String name() {
        return subscriberName(channelName);
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
    public boolean concerns(DomainEvent event) {
        return event instanceof ReplyQueued queued && queued.channel().equals(channelName);
    }

    @Override
    public Callable<Delivery> call(PendingDelivery delivery, Storage storage) {
        if (!(delivery.event() instanceof ReplyQueued queued) || !queued.channel().equals(channelName)) {
            return Delivery::delivered;
        }
        var reply = storage.inTransaction(tx -> tx.conversations().find(channelName, queued.messageId())
                .flatMap(message -> tx.tickets().find(message.ticketId())
                        .map(ticket -> reply(message, bodies.body(tx, message, ticket), ticket.number(),
                                tx.conversations().of(ticket.id())))));
        if (reply.isEmpty()) {
            // The ticket is gone (deleted with its conversation): nothing left to send.
            return Delivery::delivered;
        }
        return () -> channel.reply(reply.get());
    }

    @Override
    public String safe(String text) {
        return SafeText.of(text, secrets);
    }

    /** The channel itself belongs to the inbox, which closes it. */
    @Override
    public void close() {
    }

    /** The reply of a queued outbound message, threaded after the conversation's earlier messages on the channel. */
    private static Reply reply(TicketMessage message, String body, String ticketNumber,
                               List<TicketMessage> conversation) {
        var earlier = conversation.stream()
                .filter(m -> m.channel().equals(message.channel()) && !m.messageId().equals(message.messageId()))
                .toList();
        Optional<String> inReplyTo = earlier.reversed().stream()
                .filter(m -> m.direction() == TicketMessage.Direction.INBOUND)
                .map(TicketMessage::messageId).findFirst();
        return new Reply(message.messageId(), ticketNumber, message.correspondent(),
                message.subject().orElse("[#" + ticketNumber + "]"), body, inReplyTo,
                earlier.stream().map(TicketMessage::messageId).toList(), message.threadKey());
    }
}
