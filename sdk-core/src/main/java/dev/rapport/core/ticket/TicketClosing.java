package dev.rapport.core.ticket;

import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.security.Actor;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.Ticket;

import java.time.Instant;
import java.util.List;

/**
 * What else happens when a ticket closes, in the closing transaction, after the ticket, its audit entry and its
 * {@code TicketClosed} are written: e.g. its satisfaction survey is created. Called wherever a ticket becomes CLOSED
 * (a SATISFIED confirmation, or closing it after one).
 */
@FunctionalInterface
public interface TicketClosing {
    /** Nothing else happens. */
    TicketClosing NONE = (tx, ticket, closedAt, actor) -> List.of();

    /**
     * @param ticket the ticket as closed
     * @return the events to announce with the closing
     */
    List<DomainEvent> closed(Transaction tx, Ticket ticket, Instant closedAt, Actor actor);
}
