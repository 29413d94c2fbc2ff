package dev.rapport.core.internal.ticket;

import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.security.Actor;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.api.ticket.TicketStatus;
import dev.rapport.core.internal.Transactions;
import dev.rapport.core.internal.audit.ChangeSet;
import dev.rapport.core.internal.sla.SlaClock;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * The one route of every ticket write. A command changes a ticket thus: load it, check the actor's rights (403 before
 * any 409), refuse closed tickets and stale versions, apply the step, and write the next state, its audit entry and
 * its events in one transaction. A concurrent writer makes the update miss: 409, nothing written. Opening inserts the
 * new ticket at version 1, with its audit entry and its events, the same way.
 */
final class TicketChanges {
    /**
     * What one command makes of a ticket: its next state, the audited changes, the events to announce, and what else
     * happens in the same transaction once the ticket is written.
     */
    record Outcome(Ticket.Builder next, ChangeSet changes, List<DomainEvent> events, FollowOn followOn) {
        Outcome(Ticket.Builder next, ChangeSet changes, List<DomainEvent> events) {
            this(next, changes, events, FollowOn.NONE);
        }

        Outcome(Ticket.Builder next, ChangeSet changes, DomainEvent event) {
            this(next, changes, List.of(event));
        }

        /** This outcome, with {@code followOn} run after the ticket, its audit entry and its events are written. */
        Outcome then(FollowOn work) {
            return new Outcome(next, changes, events, work);
        }
    }

    /** Work that follows a change in its transaction, e.g. a closed ticket's survey; returns its events. */
    @FunctionalInterface
    interface FollowOn {
        FollowOn NONE = (tx, written, now) -> List.of();

        List<DomainEvent> apply(Transaction tx, Ticket written, Instant now);
    }

    @FunctionalInterface
    interface Step {
        Outcome apply(Transaction tx, Ticket current, Instant now);
    }

    /** Whether the actor may make this change to the ticket as it is: a ForbiddenException otherwise. */
    @FunctionalInterface
    interface Access {
        void require(Ticket current);
    }

    /** What a command that carries no version makes of a CLOSED ticket. */
    enum WhenClosed {
        /** Refuses it, as every command with a version does: 409 {@code ticket.closed}. */
        REFUSE,
        /** Returns it as it is and writes nothing: the command asked for a closed ticket, and it is one. */
        UNCHANGED
    }

    private final Transactions transactions;
    private final Clock clock;

    TicketChanges(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A command that carries the version it read: 409 when the ticket moved on since. */
    Ticket change(Actor actor, TicketId id, long version, String action, Access access, Step step) {
        return change(actor, id, OptionalLong.of(version), WhenClosed.REFUSE, action, access, step);
    }

    /**
     * A command that carries no version (accept, close): it applies to the ticket as this transaction reads it, and a
     * writer that commits between that read and the update makes the update miss: 409, nothing written.
     */
    Ticket changeAsRead(Actor actor, TicketId id, WhenClosed whenClosed, String action, Access access, Step step) {
        return change(actor, id, OptionalLong.empty(), whenClosed, action, access, step);
    }

    private Ticket change(Actor actor, TicketId id, OptionalLong version, WhenClosed whenClosed, String action,
                          Access access, Step step) {
        return transactions.write(tx -> {
            Ticket current = find(tx, id);
            TicketAccess.requireRead(tx, actor, current);
            access.require(current);
            Instant now = clock.instant();
            if (whenClosed == WhenClosed.UNCHANGED && current.status() == TicketStatus.CLOSED) {
                return SlaClock.evaluated(current, now);
            }
            TicketLifecycle.requireWritable(current);
            if (version.isPresent() && current.version() != version.getAsLong()) {
                throw ConflictException.staleVersion("ticket", id.value(), version.getAsLong(), current.version());
            }
            return SlaClock.evaluated(apply(tx, actor, current, action, step.apply(tx, current, now), now), now);
        });
    }

    /**
     * Inserts the ticket {@code outcome} builds, at version 1, inside the caller's transaction, with its audit entry
     * ({@code ticket.opened}) and its events, then runs its follow-on.
     */
    static Ticket open(Transaction tx, Actor actor, Outcome outcome, Instant now) {
        Ticket ticket = outcome.next().updatedAt(now).version(1).build();
        tx.tickets().insert(ticket);
        tx.audit().append(outcome.changes().entry("ticket", ticket.id().value(), now, actor, "ticket.opened"));
        outcome.events().forEach(tx.outbox()::append);
        outcome.followOn().apply(tx, ticket, now).forEach(tx.outbox()::append);
        return ticket;
    }

    /** Writes an outcome for {@code current} inside the caller's transaction; unchanged when it changes nothing. */
    static Ticket apply(Transaction tx, Actor actor, Ticket current, String action, Outcome outcome, Instant now) {
        if (outcome.changes().isEmpty()) {
            return current;
        }
        Ticket next = outcome.next().updatedAt(now).version(current.version() + 1).build();
        if (!tx.tickets().update(next, current.version())) {
            throw ConflictException.staleVersion("ticket", current.id().value(), current.version(),
                    current.version() + 1);
        }
        tx.audit().append(outcome.changes().entry("ticket", current.id().value(), now, actor, action));
        outcome.events().forEach(tx.outbox()::append);
        outcome.followOn().apply(tx, next, now).forEach(tx.outbox()::append);
        return next;
    }

    static Ticket find(Transaction tx, TicketId id) {
        return tx.tickets().find(id).orElseThrow(() -> NotFoundException.of("ticket", id.value()));
    }
}
