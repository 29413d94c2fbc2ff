package dev.rapport.core.internal.ticket;

import dev.rapport.api.error.ConflictException;
import dev.rapport.api.event.TicketAccepted;
import dev.rapport.api.event.TicketEscalated;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.EscalationLevel;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketStatus;
import dev.rapport.core.internal.audit.ChangeSet;

import java.time.Instant;
import java.util.Optional;

/**
 * SPEC §4's escalation: one level up at a time, by hand or on an SLA breach, telling the people of the new level;
 * the expert who accepts owns the ticket to closure.
 */
final class Escalation {
    private Escalation() {
    }

    /**
     * The ticket one level up.
     *
     * @throws ConflictException with code {@code ticket.escalation.top} when it is with management already
     */
    static TicketChanges.Outcome up(Transaction tx, Ticket current, Optional<String> reason, boolean byBreach,
                                    Instant now, UserId actor) {
        EscalationLevel to = current.escalation().next().orElseThrow(() -> ConflictException.of(
                "ticket.escalation.top", "Ticket " + current.number() + " is already escalated to management"));
        var recipients = EscalationPeople.atLevel(tx, current.departmentId(), to);
        var changes = ChangeSet.create().field("escalation", current.escalation(), to);
        reason.ifPresent(r -> changes.added("reason", r));
        return new TicketChanges.Outcome(current.toBuilder().escalation(to), changes,
                new TicketEscalated(current.id(), current.escalation(), to, reason, byBreach, recipients, now, actor));
    }

    /**
     * The expert takes the escalated ticket: assigned to them and owned by them.
     *
     * @throws ConflictException with code {@code ticket.accept.not-escalated} before any escalation, and
     *                           {@code ticket.accept.owned} when another expert owns it
     */
    static TicketChanges.Outcome accept(Ticket current, UserId expert, Instant now) {
        if (current.escalation() == EscalationLevel.FRONT_LINE) {
            throw ConflictException.of("ticket.accept.not-escalated",
                    "Ticket " + current.number() + " is not escalated; it is worked by the front line");
        }
        if (current.ownerId().filter(owner -> !owner.equals(expert)).isPresent()) {
            throw ConflictException.of("ticket.accept.owned",
                    "Ticket " + current.number() + " is already owned by the expert who accepted it");
        }
        TicketStatus status = current.status() == TicketStatus.NEW ? TicketStatus.ASSIGNED : current.status();
        var changes = ChangeSet.create()
                .field("assigneeId", current.assigneeId(), Optional.of(expert))
                .field("ownerId", current.ownerId(), Optional.of(expert))
                .field("status", current.status(), status);
        return new TicketChanges.Outcome(current.toBuilder().assigneeId(Optional.of(expert)).ownerId(Optional.of(expert))
                .status(status), changes, new TicketAccepted(current.id(), expert, now, expert));
    }
}
