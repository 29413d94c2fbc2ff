package dev.rapport.core.internal.channel;

import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.event.ReplyQueued;
import dev.rapport.api.security.Actor;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketMessage;
import dev.rapport.core.internal.IdGenerator;
import dev.rapport.core.internal.ticket.CustomerReplies;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Customer-visible progress goes back by the channel of the customer's latest message on the ticket, when that channel
 * can answer: queued in the ticket's conversation, sent from the outbox by the channel's reply subscriber.
 */
public final class ChannelReplies implements CustomerReplies {
    private final Set<String> replying;
    private final IdGenerator ids;

    /** @param replying the names of the channels that can answer */
    public ChannelReplies(Set<String> replying, IdGenerator ids) {
        this.replying = Set.copyOf(replying);
        this.ids = ids;
    }

    @Override
    public List<DomainEvent> queue(Transaction tx, Ticket ticket, String text, Instant now, Actor actor) {
        if (replying.isEmpty()) {
            return List.of();
        }
        var conversation = tx.conversations().of(ticket.id());
        var latest = conversation.reversed().stream()
                .filter(m -> m.direction() == TicketMessage.Direction.INBOUND).findFirst();
        if (latest.isEmpty() || !replying.contains(latest.get().channel())) {
            return List.of();
        }
        var answered = latest.get();
        String messageId = "rapport." + ticket.number().toLowerCase() + "." + ids.next();
        var references = conversation.stream().filter(m -> m.channel().equals(answered.channel()))
                .map(TicketMessage::messageId).toList().reversed();
        tx.conversations().add(new TicketMessage(ticket.id(), answered.channel(), TicketMessage.Direction.OUTBOUND,
                messageId, answered.correspondent(), Optional.of(subject(ticket, conversation)), text, references,
                answered.threadKey(), now));
        return List.of(new ReplyQueued(ticket.id(), answered.channel(), messageId, now, actor.userId()));
    }

    /**
     * Queues {@code text} as a mail on {@code mailChannel} (a channel that can answer by e-mail) to the e-mail address
     * the customer's latest message on the ticket gave, for a ticket that came by a channel that cannot answer, such as
     * the web form. Nothing when that message gave no address.
     */
    public List<DomainEvent> mail(Transaction tx, Ticket ticket, String mailChannel, String text, Instant now,
                                  Actor actor) {
        if (!replying.contains(mailChannel)) {
            return List.of();
        }
        var conversation = tx.conversations().of(ticket.id());
        var latest = conversation.reversed().stream()
                .filter(m -> m.direction() == TicketMessage.Direction.INBOUND).findFirst()
                .filter(m -> m.correspondent().email().isPresent());
        if (latest.isEmpty()) {
            return List.of();
        }
        String messageId = "rapport." + ticket.number().toLowerCase() + "." + ids.next();
        tx.conversations().add(new TicketMessage(ticket.id(), mailChannel, TicketMessage.Direction.OUTBOUND,
                messageId, latest.get().correspondent(), Optional.of(subject(ticket, conversation)), text, List.of(),
                Optional.empty(), now));
        return List.of(new ReplyQueued(ticket.id(), mailChannel, messageId, now, actor.userId()));
    }

    /** {@code Re: <the customer's first subject> [#T2026000123]}: the number threads the customer's answer back. */
    private static String subject(Ticket ticket, List<TicketMessage> conversation) {
        String tag = "[#" + ticket.number() + "]";
        String topic = conversation.stream().map(TicketMessage::subject).flatMap(Optional::stream).findFirst()
                .or(ticket::title).orElse("");
        topic = topic.replaceFirst("(?i)^(re|aw|回复|答复)\\s*[:：]\\s*", "");
        String subject = topic.contains(tag) ? topic : (topic + " " + tag).strip();
        return "Re: " + subject;
    }
}
