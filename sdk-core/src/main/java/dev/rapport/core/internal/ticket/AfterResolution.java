package dev.rapport.core.internal.ticket;

import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.security.Actor;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.Ticket;

import java.time.Instant;
import java.util.List;

/**
 * Work that belongs to a ticket's resolving transaction, such as telling the customer where to confirm the
 * resolution: it happens exactly when the ticket is resolved, and not at all when resolving fails.
 */
@FunctionalInterface
public interface AfterResolution {
    /** Nothing happens after resolution. */
    AfterResolution NOTHING = (tx, ticket, actor, now) -> List.of();

    /**
     * Called inside the resolving transaction with the ticket as resolved, after the ticket, its audit entry and its
     * {@code TicketResolved} are written; writes what it needs and returns the events to announce after them.
     */
    List<DomainEvent> resolved(Transaction tx, Ticket ticket, Actor actor, Instant now);
}
