package dev.rapport.core.internal.ticket;

import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.security.Actor;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.core.internal.Transactions;
import dev.rapport.core.internal.audit.ChangeSet;
import dev.rapport.core.internal.sla.SlaClock;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * How every command changes a ticket: load it, check the actor's rights (403 before any 409), refuse closed tickets
 * and stale versions, apply the step, and write the next state, its audit entry and its events in one transaction.
 * A concurrent writer makes the update miss: 409, nothing written.
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

    private final Transactions transactions;
    private final Clock clock;

    TicketChanges(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    Ticket change(Actor actor, TicketId id, long version, String action, Access access, Step step) {
        return transactions.write(tx -> {
            Ticket current = find(tx, id);
            TicketAccess.requireRead(tx, actor, current);
            access.require(current);
            TicketLifecycle.requireWritable(current);
            if (current.version() != version) {
                throw ConflictException.staleVersion("ticket", id.value(), version, current.version());
            }
            Instant now = clock.instant();
            return SlaClock.evaluated(apply(tx, actor, current, action, step.apply(tx, current, now), now), now);
        });
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
