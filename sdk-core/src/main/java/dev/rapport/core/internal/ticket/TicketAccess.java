package dev.rapport.core.internal.ticket;

import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Permission;
import dev.rapport.api.spi.storage.TicketQuery;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.FrontLine;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketFilter;
import dev.rapport.api.ticket.TicketView;

import java.util.Optional;

/**
 * Who may see and work a ticket: holders of the {@code .all} permission any ticket; holders of the plain one
 * tickets of their department and tickets assigned to them; readers also the tickets they watch. A ticket the actor
 * may not see is answered as if it did not exist ({@link NotFoundException}), so that neither its number nor its
 * existence leaks; a refusal ({@link ForbiddenException}) is only for a ticket the actor sees but may not work.
 *
 * <p>Beyond that, the front line keeps its customers (issue 16): the ticket's intake owner, and holders of
 * {@code ticket.read.front-line} whose front line serves the ticket's customer, see its customer-visible part
 * ({@link TicketView#CUSTOMER_VISIBLE}) and are refused (403) everything else of it, working included.
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
     * Whether the actor may open the ticket, in full or its customer-visible part, for views that list tickets of other
     * scopes, such as a customer's timeline, to show the others without their text.
     */
    public static boolean mayRead(Transaction tx, Actor actor, Ticket ticket) {
        return view(tx, actor, ticket).isPresent();
    }

    /**
     * As {@link #requireRead(Actor, Ticket)}, and a watcher of the ticket may read it too, e.g. the account manager
     * of a key account. The watchers are only looked up for an actor who would be refused otherwise. An actor who may
     * see only the customer-visible part of the ticket is refused (403) naming it.
     */
    static void requireRead(Transaction tx, Actor actor, Ticket ticket) {
        var view = view(tx, actor, ticket);
        if (view.filter(v -> v == TicketView.FULL).isPresent()) {
            return;
        }
        if (view.isPresent()) {
            throw ForbiddenException.of("ticket.customer-visible-only", "Ticket " + ticket.number()
                    + " belongs to another department: you may read its status and customer-visible progress only");
        }
        requireRead(actor, ticket);
    }

    /**
     * How much of the ticket the actor sees: everything (department, assignee, watcher, {@code ticket.read.all}), the
     * customer-visible part (intake owner, or front line serving the customer), or nothing (empty).
     */
    static Optional<TicketView> view(Transaction tx, Actor actor, Ticket ticket) {
        if (actor.has(Permission.TICKET_READ_ALL)) {
            return Optional.of(TicketView.FULL);
        }
        boolean reader = actor.has(Permission.TICKET_READ);
        if (reader && (isOwn(actor, ticket) || tx.watchers().watches(ticket.id(), actor.userId()))) {
            return Optional.of(TicketView.FULL);
        }
        boolean frontLine = actor.has(Permission.TICKET_READ_FRONT_LINE);
        boolean intakeOwner = (reader || frontLine) && ticket.filedBy(actor.userId());
        // Only asked of a front-line actor the ticket is otherwise out of reach of: one indexed look-up.
        if (intakeOwner || (frontLine && tx.tickets().serves(FrontLine.of(actor), ticket.customerId()))) {
            return Optional.of(TicketView.CUSTOMER_VISIBLE);
        }
        return Optional.empty();
    }

    /**
     * The ticket's view for the actor, or the refusal {@link #requireRead(Actor, Ticket)} gives when it has none.
     */
    static TicketView requireView(Transaction tx, Actor actor, Ticket ticket) {
        return view(tx, actor, ticket).orElseGet(() -> {
            requireRead(actor, ticket);
            return TicketView.FULL;
        });
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

    /**
     * The tickets a listing may show the actor; empty means all. A front-line actor asking for the tickets of the
     * customers their own front line serves gets them all, wherever they are routed: the filter bounds the list.
     */
    static Optional<TicketQuery.Scope> readScope(Actor actor, TicketFilter filter) {
        if (actor.has(Permission.TICKET_READ_ALL)) {
            return Optional.empty();
        }
        if (actor.has(Permission.TICKET_READ_FRONT_LINE)
                && filter.servedBy().filter(FrontLine.of(actor)::equals).isPresent()) {
            return Optional.empty();
        }
        actor.require(Permission.TICKET_READ);
        return Optional.of(new TicketQuery.Scope(actor.departmentId(), actor.userId()));
    }

    static boolean isOwn(Actor actor, Ticket ticket) {
        return actor.isIn(ticket.departmentId()) || ticket.assigneeId().filter(actor.userId()::equals).isPresent();
    }
}
