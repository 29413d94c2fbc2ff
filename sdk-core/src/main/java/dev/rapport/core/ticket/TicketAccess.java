package dev.rapport.core.ticket;

import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Permission;
import dev.rapport.api.spi.storage.TicketQuery;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.Ticket;

import java.util.Optional;

/**
 * Who may see and work a ticket: holders of the {@code .all} permission any ticket; holders of the plain one
 * tickets of their department and tickets assigned to them; readers also the tickets they watch. A ticket the actor
 * may not see is answered as if it did not exist ({@link NotFoundException}), so that neither its number nor its
 * existence leaks; a refusal ({@link ForbiddenException}) is only for a ticket the actor sees but may not work.
 */
public final class TicketAccess {
    private TicketAccess() {
    }

    private static void requireRead(Actor actor, Ticket ticket) {
        if (actor.has(Permission.TICKET_READ_ALL)) {
            return;
        }
        actor.require(Permission.TICKET_READ);
        if (!isOwn(actor, ticket)) {
            throw NotFoundException.of("ticket", ticket.id().value());
        }
    }

    /**
     * Whether the actor may open the ticket (as {@link #requireRead(Transaction, Actor, Ticket)} lets it), for views
     * that list tickets of other scopes, such as a customer's timeline, to show them without their text.
     */
    public static boolean mayRead(Transaction tx, Actor actor, Ticket ticket) {
        if (actor.has(Permission.TICKET_READ_ALL)) {
            return true;
        }
        return actor.has(Permission.TICKET_READ)
                && (isOwn(actor, ticket) || tx.watchers().watches(ticket.id(), actor.userId()));
    }

    /**
     * As {@link #requireRead(Actor, Ticket)}, and a watcher of the ticket may read it too, e.g. the account manager
     * of a key account. The watchers are only looked up for an actor who would be refused otherwise.
     */
    static void requireRead(Transaction tx, Actor actor, Ticket ticket) {
        boolean outOfScope = !actor.has(Permission.TICKET_READ_ALL) && actor.has(Permission.TICKET_READ)
                && !isOwn(actor, ticket);
        if (outOfScope && tx.watchers().watches(ticket.id(), actor.userId())) {
            return;
        }
        requireRead(actor, ticket);
    }

    /** For a ticket the actor may read (checked before): a refusal that may name it. */
    static void requireWork(Actor actor, Ticket ticket) {
        if (actor.has(Permission.TICKET_WORK_ALL)) {
            return;
        }
        actor.require(Permission.TICKET_WORK);
        if (!isOwn(actor, ticket)) {
            throw ForbiddenException.of("ticket.out-of-scope",
                    "Ticket " + ticket.number() + " belongs to another department and is not assigned to you");
        }
    }

    /** The tickets a listing may show the actor; empty means all. */
    static Optional<TicketQuery.Scope> readScope(Actor actor) {
        if (actor.has(Permission.TICKET_READ_ALL)) {
            return Optional.empty();
        }
        actor.require(Permission.TICKET_READ);
        return Optional.of(new TicketQuery.Scope(actor.departmentId(), actor.userId()));
    }

    static boolean isOwn(Actor actor, Ticket ticket) {
        return actor.isIn(ticket.departmentId()) || ticket.assigneeId().filter(actor.userId()::equals).isPresent();
    }
}
