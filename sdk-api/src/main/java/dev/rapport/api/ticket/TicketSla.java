package dev.rapport.api.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A ticket's SLA deadlines, kept in the business calendar of the policy it was opened under.
 *
 * @param calendarId    the business calendar the deadlines count in
 * @param updateCadence how often the customer must hear from us, in working time of that calendar
 * @param deadlines   every target's latest deadline; before the first response the customer-update deadline is the
 *                    first-response one
 * @param running     the targets still to be met: first response until it happens, customer updates after it,
 *                    resolution until the ticket is resolved
 * @param pausedSince set while the ticket waits for the customer: the clocks stand still, and resuming moves the
 *                    deadlines by the working time that was left
 * @param breached    the running targets already missed, as of when the ticket was read
 * @param atRisk      the running targets past 80 % and not yet missed, as of when the ticket was read
 */
public record TicketSla(String calendarId, Duration updateCadence, Map<SlaTarget, SlaDeadline> deadlines, Set<SlaTarget> running,
                        Optional<Instant> pausedSince, List<SlaTarget> breached, List<SlaTarget> atRisk) {
    public TicketSla {
        Objects.requireNonNull(calendarId, "calendarId");
        Objects.requireNonNull(updateCadence, "updateCadence");
        if (!deadlines.keySet().containsAll(EnumSet.allOf(SlaTarget.class))) {
            throw new IllegalArgumentException("a ticket needs a deadline for every SLA target: " + deadlines.keySet());
        }
        deadlines = Collections.unmodifiableMap(new EnumMap<>(deadlines));
        running = Collections.unmodifiableSet(running.isEmpty() ? EnumSet.noneOf(SlaTarget.class)
                : EnumSet.copyOf(running));
        Objects.requireNonNull(pausedSince, "pausedSince");
        breached = List.copyOf(breached);
        atRisk = List.copyOf(atRisk);
    }

    public SlaDeadline deadline(SlaTarget target) {
        return deadlines.get(target);
    }

    public Instant firstResponseDue() {
        return deadline(SlaTarget.FIRST_RESPONSE).due();
    }

    public Instant resolutionDue() {
        return deadline(SlaTarget.RESOLUTION).due();
    }

    public Instant nextUpdateDue() {
        return deadline(SlaTarget.CUSTOMER_UPDATE).due();
    }

    /** Whether the clocks stand still. */
    public boolean paused() {
        return pausedSince.isPresent();
    }

    /** When the SLA engine next has an alarm to raise for this ticket; empty while paused or with none left. */
    public Optional<Instant> nextAlarmAt() {
        return earliest(d -> d.nextAlarmAt().orElse(null));
    }

    /** The nearest deadline of a running target, met or not; empty while paused or when none runs. */
    public Optional<Instant> nearestDue() {
        return earliest(SlaDeadline::due);
    }

    /** The earliest 80 % mark of a running target; empty while paused or when none runs. */
    public Optional<Instant> earliestWarning() {
        return earliest(SlaDeadline::warnAt);
    }

    /** This SLA with {@code target}'s deadline replaced and the read-time lists cleared. */
    public TicketSla with(SlaTarget target, SlaDeadline deadline) {
        var next = new EnumMap<>(deadlines);
        next.put(target, deadline);
        return new TicketSla(calendarId, updateCadence, next, running, pausedSince, List.of(), List.of());
    }

    private Optional<Instant> earliest(java.util.function.Function<SlaDeadline, Instant> instant) {
        if (paused()) {
            return Optional.empty();
        }
        return running.stream().map(deadlines::get).map(instant).filter(Objects::nonNull)
                .min(Comparator.naturalOrder());
    }
}
