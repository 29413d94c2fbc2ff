package dev.rapport.core.internal.ticket;

import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.security.Actor;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.Ticket;

import java.time.Instant;
import java.util.List;

/**
 * Work that belongs to a ticket's closing transaction, such as SPEC §6's after-closure follow-ups: it happens
 * exactly when the ticket closes, and not at all when the closure fails.
 */
@FunctionalInterface
public interface AfterClosure {
    /** Nothing happens after closure. */
    AfterClosure NOTHING = (tx, ticket, actor, now) -> List.of();

    /**
     * Called inside the closing transaction with the ticket as closed, after the ticket, its audit entry and its
     * {@code TicketClosed} are written; writes what it needs and returns the events to announce after them.
     */
    List<DomainEvent> closed(Transaction tx, Ticket ticket, Actor actor, Instant now);

    /** Each of {@code steps} in turn, their events in that order. */
    static AfterClosure inTurn(AfterClosure... steps) {
        var all = List.of(steps);
        return (tx, ticket, actor, now) -> all.stream().flatMap(step -> step.closed(tx, ticket, actor, now).stream())
                .toList();
    }
}
