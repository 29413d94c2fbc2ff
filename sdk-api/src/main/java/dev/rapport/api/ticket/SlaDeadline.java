package dev.rapport.api.ticket;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One SLA target of a ticket on its way to being met.
 *
 * @param warnAt when 80 % of the target has elapsed, in the policy's calendar
 * @param due    when the target is missed
 * @param raised the alarms already raised for this deadline; a moved deadline starts with none
 */
public record SlaDeadline(Instant warnAt, Instant due, Set<SlaAlarm> raised) {
    public SlaDeadline {
        Objects.requireNonNull(warnAt, "warnAt");
        Objects.requireNonNull(due, "due");
        // EnumSets keep WARNING before BREACH, in JSON too.
        raised = Collections.unmodifiableSet(raised.isEmpty() ? EnumSet.noneOf(SlaAlarm.class) : EnumSet.copyOf(raised));
        if (warnAt.isAfter(due)) {
            throw new IllegalArgumentException("warnAt " + warnAt + " is after due " + due);
        }
    }

    /** A deadline no alarm has been raised for yet. */
    public static SlaDeadline of(Instant warnAt, Instant due) {
        return new SlaDeadline(warnAt, due, Set.of());
    }

    /** The next alarm to raise, WARNING before BREACH; empty when both are raised. */
    public Optional<SlaAlarm> nextAlarm() {
        if (!raised.contains(SlaAlarm.WARNING)) {
            return Optional.of(SlaAlarm.WARNING);
        }
        return raised.contains(SlaAlarm.BREACH) ? Optional.empty() : Optional.of(SlaAlarm.BREACH);
    }

    /** When {@link #nextAlarm()} is due. */
    public Optional<Instant> nextAlarmAt() {
        return nextAlarm().map(alarm -> alarm == SlaAlarm.WARNING ? warnAt : due);
    }

    /** This deadline with {@code alarm} (and, for a breach, the warning it implies) raised. */
    public SlaDeadline raise(SlaAlarm alarm) {
        var now = EnumSet.of(SlaAlarm.WARNING, alarm);
        now.addAll(raised);
        return new SlaDeadline(warnAt, due, now);
    }
}
