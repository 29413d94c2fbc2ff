package dev.rapport.api.sla;

import dev.rapport.api.ticket.Priority;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;

/**
 * Per priority, the SLA targets a new ticket gets (SPEC §5). A changed policy applies to tickets opened after the
 * change; open tickets keep the deadlines, calendar and cadence they were opened with.
 */
public record SlaPolicy(Map<Priority, SlaTargets> targets) {
    public SlaPolicy {
        if (!targets.keySet().containsAll(EnumSet.allOf(Priority.class))) {
            throw new IllegalArgumentException("an SLA policy needs targets for P1 to P4, has " + targets.keySet());
        }
        // An EnumMap keeps P1 to P4 in order, in JSON and in toString().
        targets = Collections.unmodifiableMap(new EnumMap<>(targets));
    }

    /**
     * SPEC §5's defaults: P1 30 min / 24 h / every 2 h on 24×7; on business hours P2 24 h / 10 business days (90 working
     * hours of the standard 9-hour day) / 24 h, P3 2 h / 48 h / 24 h and P4 48 h / 72 h / 24 h.
     */
    public static SlaPolicy defaults() {
        String allDay = BusinessCalendar.alwaysOpen().id();
        String office = BusinessCalendar.standard().id();
        return new SlaPolicy(Map.of(
                Priority.P1, new SlaTargets(Duration.ofMinutes(30), Duration.ofHours(24), Duration.ofHours(2), allDay),
                Priority.P2, new SlaTargets(Duration.ofHours(24), Duration.ofHours(90), Duration.ofHours(24), office),
                Priority.P3, new SlaTargets(Duration.ofHours(2), Duration.ofHours(48), Duration.ofHours(24), office),
                Priority.P4, new SlaTargets(Duration.ofHours(48), Duration.ofHours(72), Duration.ofHours(24), office)));
    }

    public SlaTargets of(Priority priority) {
        return targets.get(priority);
    }
}
