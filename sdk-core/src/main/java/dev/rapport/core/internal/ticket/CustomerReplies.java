package dev.rapport.core.internal.ticket;

import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.security.Actor;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.Ticket;

import java.time.Instant;
import java.util.List;

/**
 * Where a customer-visible progress entry goes out to the customer: for a ticket that came in through a channel that
 * can answer, a reply queued in the same transaction as the entry and sent from the outbox.
 */
@FunctionalInterface
public interface CustomerReplies {
    /** Tickets stay within the SDK: nothing goes out. */
    CustomerReplies NONE = (tx, ticket, text, now, actor) -> List.of();

    /** Queues {@code text} as a reply on {@code ticket} if it has a channel to go out by; the events to announce. */
    List<DomainEvent> queue(Transaction tx, Ticket ticket, String text, Instant now, Actor actor);
}
