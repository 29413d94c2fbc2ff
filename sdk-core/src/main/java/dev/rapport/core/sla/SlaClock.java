package dev.rapport.core.sla;

import dev.rapport.api.ticket.Priority;
import dev.rapport.api.ticket.Resolution;
import dev.rapport.api.ticket.SlaTarget;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketSla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A ticket's SLA deadlines on a 24×7 clock: set on intake, moved by customer updates, stopped while the ticket
 * waits for the customer and shifted by the time waited when it resumes.
 */
public final class SlaClock {
    private final SlaPolicy policy;

    public SlaClock(SlaPolicy policy) {
        this.policy = policy;
    }

    /** The deadlines of a ticket opened at {@code at}: until the first response, that is the next update due. */
    public TicketSla start(Priority priority, Instant at) {
        var targets = policy.of(priority);
        Instant firstResponseDue = at.plus(targets.firstResponse());
        return new TicketSla(firstResponseDue, at.plus(targets.resolution()), firstResponseDue, Optional.empty(), List.of());
    }

    /**
     * The customer heard from us at {@code at}: the next update is due by the cadence, or earlier if promised. While
     * the clocks stand still the cadence counts from the pause, so that resuming shifts it to start then.
     */
    public TicketSla customerUpdated(TicketSla sla, Priority priority, Instant at, Optional<Instant> promised) {
        Instant byCadence = sla.pausedSince().orElse(at).plus(policy.of(priority).updateCadence());
        Instant next = promised.filter(p -> p.isBefore(byCadence)).orElse(byCadence);
        return new TicketSla(sla.firstResponseDue(), sla.resolutionDue(), next, sla.pausedSince(), List.of());
    }

    /** The ticket waits for the customer from {@code at}: its clocks stand still. */
    public TicketSla pause(TicketSla sla, Instant at) {
        return sla.paused() ? sla
                : new TicketSla(sla.firstResponseDue(), sla.resolutionDue(), sla.nextUpdateDue(), Optional.of(at), List.of());
    }

    /** The wait ended at {@code at}: every deadline moves by the time waited. */
    public TicketSla resume(TicketSla sla, Instant at) {
        if (!sla.paused()) {
            return sla;
        }
        Duration waited = Duration.between(sla.pausedSince().get(), at);
        return new TicketSla(sla.firstResponseDue().plus(waited), sla.resolutionDue().plus(waited),
                sla.nextUpdateDue().plus(waited), Optional.empty(), List.of());
    }

    /** The ticket with {@code sla.breached} filled in as of {@code now}. */
    public Ticket withBreaches(Ticket ticket, Instant now) {
        var sla = ticket.sla();
        Instant reference = sla.pausedSince().orElse(now);
        var breached = new ArrayList<SlaTarget>();
        if (ticket.firstRespondedAt().orElse(reference).isAfter(sla.firstResponseDue())) {
            breached.add(SlaTarget.FIRST_RESPONSE);
        }
        Instant resolvedAt = ticket.resolution().map(Resolution::at).orElse(reference);
        if (resolvedAt.isAfter(sla.resolutionDue())) {
            breached.add(SlaTarget.RESOLUTION);
        }
        if (ticket.status().isOpen() && reference.isAfter(sla.nextUpdateDue())) {
            breached.add(SlaTarget.CUSTOMER_UPDATE);
        }
        var withBreaches = new TicketSla(sla.firstResponseDue(), sla.resolutionDue(), sla.nextUpdateDue(),
                sla.pausedSince(), breached);
        return ticket.toBuilder().sla(withBreaches).build();
    }
}
