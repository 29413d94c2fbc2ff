package dev.rapport.core.internal.ticket;

import dev.rapport.api.error.ValidationException;
import dev.rapport.api.event.ExceptionRecorded;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.ExceptionKind;
import dev.rapport.api.ticket.RecordException;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketException;
import dev.rapport.core.internal.FieldChecks;
import dev.rapport.core.internal.audit.ChangeSet;
import dev.rapport.core.internal.sla.SlaClock;
import dev.rapport.core.internal.sla.SlaRules;

import java.time.Instant;
import java.util.Optional;

/**
 * SPEC §4's exceptions: what got in the way of a ticket and what the customer was told. A new expected time is what
 * was agreed with the customer, so it becomes the ticket's resolution deadline.
 */
final class TicketExceptions {
    private TicketExceptions() {
    }

    /** A command whose fields passed their checks, texts stripped. */
    record Checked(ExceptionKind kind, String description, String customerInformed, Optional<Instant> newEta) {
    }

    /** @throws ValidationException naming every missing or invalid field; {@code newEta} when not after {@code now} */
    static Checked check(RecordException command, Instant now) {
        var checks = FieldChecks.create();
        checks.require("kind", command.kind());
        String description = checks.text("description", command.description(), TicketRules.MAX_TEXT, true);
        String informed = checks.text("customerInformed", command.customerInformed(), TicketRules.MAX_TEXT, true);
        command.newEta().map(eta -> checks.instant("newEta", eta)).filter(eta -> !eta.isAfter(now))
                .ifPresent(eta -> checks.add("newEta", "must be in the future"));
        checks.throwIfAny();
        return new Checked(command.kind(), description, informed, command.newEta());
    }

    /** Stores the exception on {@code current} and moves its resolution deadline to the new expected time, if any. */
    static TicketChanges.Outcome record(Transaction tx, SlaRules rules, Ticket current, Checked exception,
                                        UserId actor, Instant now) {
        tx.ticketExceptions().add(current.id(), new TicketException(exception.kind(), exception.description(),
                exception.customerInformed(), exception.newEta(), actor, now));
        var sla = exception.newEta().map(eta -> SlaClock.replanned(rules, current.sla(), now, eta))
                .orElse(current.sla());
        var changes = ChangeSet.create()
                .added("kind", exception.kind())
                .added("description", exception.description())
                .added("customerInformed", exception.customerInformed())
                .field("resolutionDue", current.sla().resolutionDue(), sla.resolutionDue());
        return new TicketChanges.Outcome(current.toBuilder().sla(sla), changes,
                new ExceptionRecorded(current.id(), exception.kind(), exception.newEta(), now, actor));
    }
}
