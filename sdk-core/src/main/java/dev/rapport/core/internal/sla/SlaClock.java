package dev.rapport.core.internal.sla;

import dev.rapport.api.sla.SlaTargets;
import dev.rapport.api.ticket.Priority;
import dev.rapport.api.ticket.SlaAlarm;
import dev.rapport.api.ticket.SlaDeadline;
import dev.rapport.api.ticket.SlaTarget;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketSla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.rapport.api.ticket.SlaTarget.CUSTOMER_UPDATE;
import static dev.rapport.api.ticket.SlaTarget.FIRST_RESPONSE;
import static dev.rapport.api.ticket.SlaTarget.RESOLUTION;

/**
 * A ticket's SLA deadlines in business time (SPEC §5): set on intake from the policy, moved by customer updates,
 * stopped while the ticket waits for the customer and moved by the working time that was left when it resumes.
 * Warnings fall at 80 % of each target. Stateless; the rules in force are passed in.
 */
public final class SlaClock {
    private SlaClock() {
    }

    /**
     * The deadlines of a ticket opened at {@code at}. Before the first response, the customer-update deadline is
     * the first-response one. An agreed plan date (P2) replaces the resolution target.
     */
    public static TicketSla start(SlaRules rules, Priority priority, Instant at, Optional<Instant> agreedResolution) {
        SlaTargets targets = rules.policy().of(priority);
        var time = rules.calendar(targets.calendarId());
        var firstResponse = deadline(time, at, time.plus(at, targets.firstResponse()));
        var resolution = deadline(time, at, agreedResolution.orElseGet(() -> time.plus(at, targets.resolution())));
        var deadlines = new EnumMap<SlaTarget, SlaDeadline>(SlaTarget.class);
        deadlines.put(FIRST_RESPONSE, firstResponse);
        deadlines.put(RESOLUTION, resolution);
        deadlines.put(CUSTOMER_UPDATE, firstResponse);
        return new TicketSla(targets.calendarId(), targets.updateCadence(), deadlines,
                EnumSet.of(FIRST_RESPONSE, RESOLUTION), Optional.empty(), List.of(), List.of());
    }

    /**
     * The customer heard from us at {@code at}: the first response is met, and the next update is due by the
     * cadence, or earlier if promised. While the clocks stand still the cadence counts from the pause, so that
     * resuming moves it to start then.
     */
    public static TicketSla customerUpdated(SlaRules rules, TicketSla sla, Instant at, Optional<Instant> promised) {
        var time = rules.calendar(sla.calendarId());
        Instant from = sla.pausedSince().orElse(at);
        Instant byCadence = time.plus(from, sla.updateCadence());
        Instant due = promised.filter(p -> p.isBefore(byCadence)).orElse(byCadence);
        var running = EnumSet.copyOf(sla.running().isEmpty() ? EnumSet.of(CUSTOMER_UPDATE) : sla.running());
        running.remove(FIRST_RESPONSE);
        running.add(CUSTOMER_UPDATE);
        return new TicketSla(sla.calendarId(), sla.updateCadence(), with(sla, CUSTOMER_UPDATE, deadline(time, from, due)),
                running, sla.pausedSince(), List.of(), List.of());
    }

    /** The ticket waits for the customer from {@code at}: its clocks stand still. */
    public static TicketSla pause(TicketSla sla, Instant at) {
        return sla.paused() ? sla : new TicketSla(sla.calendarId(), sla.updateCadence(), sla.deadlines(), sla.running(),
                Optional.of(at), List.of(), List.of());
    }

    /**
     * The wait ended at {@code at}: every deadline still ahead when the clocks stopped moves so that the working time
     * then left remains. Alarms already raised fell before the pause and stay raised.
     */
    public static TicketSla resume(SlaRules rules, TicketSla sla, Instant at) {
        if (!sla.paused()) {
            return sla;
        }
        var time = rules.calendar(sla.calendarId());
        Instant pausedAt = sla.pausedSince().get();
        var moved = new EnumMap<SlaTarget, SlaDeadline>(SlaTarget.class);
        sla.deadlines().forEach((target, d) -> moved.put(target, new SlaDeadline(
                shift(time, d.warnAt(), pausedAt, at), shift(time, d.due(), pausedAt, at), d.raised())));
        return new TicketSla(sla.calendarId(), sla.updateCadence(), moved, sla.running(), Optional.empty(), List.of(),
                List.of());
    }

    /** The ticket is resolved at {@code at}: no target runs any more. */
    public static TicketSla resolved(SlaRules rules, TicketSla sla, Instant at) {
        var resumed = resume(rules, sla, at);
        return new TicketSla(resumed.calendarId(), resumed.updateCadence(), resumed.deadlines(), Set.of(),
                Optional.empty(), List.of(), List.of());
    }

    /**
     * The customer was not satisfied at {@code at}: resolution runs again against its original deadline, and the
     * customer is owed an update by the cadence.
     */
    public static TicketSla reopened(SlaRules rules, TicketSla sla, Instant at) {
        var running = new TicketSla(sla.calendarId(), sla.updateCadence(), sla.deadlines(),
                EnumSet.of(RESOLUTION, CUSTOMER_UPDATE), Optional.empty(), List.of(), List.of());
        return customerUpdated(rules, running, at, Optional.empty());
    }

    /** A new agreed resolution time (a P2 plan date or an exception's new expected time) from {@code at}. */
    public static TicketSla replanned(SlaRules rules, TicketSla sla, Instant at, Instant resolutionBy) {
        var time = rules.calendar(sla.calendarId());
        return sla.with(RESOLUTION, deadline(time, at, resolutionBy));
    }

    /** The ticket with {@code sla.breached} and {@code sla.atRisk} filled in as of {@code now}. */
    public static Ticket evaluated(Ticket ticket, Instant now) {
        var sla = ticket.sla();
        Instant reference = sla.pausedSince().orElse(now);
        var breached = new ArrayList<SlaTarget>();
        var atRisk = new ArrayList<SlaTarget>();
        for (SlaTarget target : SlaTarget.values()) {
            var deadline = sla.deadline(target);
            if (sla.running().contains(target)) {
                if (!reference.isBefore(deadline.due())) {
                    breached.add(target);
                } else if (!reference.isBefore(deadline.warnAt())) {
                    atRisk.add(target);
                }
            } else if (deadline.raised().contains(SlaAlarm.BREACH)) {
                breached.add(target); // met late: still a breach on record
            }
        }
        var evaluated = new TicketSla(sla.calendarId(), sla.updateCadence(), sla.deadlines(), sla.running(),
                sla.pausedSince(), breached, atRisk);
        return ticket.toBuilder().sla(evaluated).build();
    }

    /** The running targets whose next alarm is due at {@code now}: a late scan raises the breach, not both. */
    public static Map<SlaTarget, SlaAlarm> dueAlarms(TicketSla sla, Instant now) {
        var due = new EnumMap<SlaTarget, SlaAlarm>(SlaTarget.class);
        if (sla.paused()) {
            return due;
        }
        for (SlaTarget target : sla.running()) {
            var deadline = sla.deadline(target);
            if (!deadline.raised().contains(SlaAlarm.BREACH) && !now.isBefore(deadline.due())) {
                due.put(target, SlaAlarm.BREACH);
            } else if (!deadline.raised().contains(SlaAlarm.WARNING) && !now.isBefore(deadline.warnAt())) {
                due.put(target, SlaAlarm.WARNING);
            }
        }
        return due;
    }

    /** A deadline from {@code from} to {@code due}, warning when 80 % of the working time between has passed. */
    private static SlaDeadline deadline(WorkingTime time, Instant from, Instant due) {
        if (!due.isAfter(from)) {
            return SlaDeadline.of(due, due);
        }
        Duration span = time.between(from, due);
        Instant warnAt = span.isZero() ? due : time.plus(from, span.multipliedBy(4).dividedBy(5));
        return SlaDeadline.of(warnAt.isAfter(due) ? due : warnAt, due);
    }

    private static Map<SlaTarget, SlaDeadline> with(TicketSla sla, SlaTarget target, SlaDeadline deadline) {
        var next = new EnumMap<>(sla.deadlines());
        next.put(target, deadline);
        return next;
    }

    /** An instant ahead of the pause keeps the working time it had left, counted from the resume. */
    private static Instant shift(WorkingTime time, Instant instant, Instant pausedAt, Instant resumedAt) {
        return instant.isAfter(pausedAt) ? time.plus(resumedAt, time.between(pausedAt, instant)) : instant;
    }
}
