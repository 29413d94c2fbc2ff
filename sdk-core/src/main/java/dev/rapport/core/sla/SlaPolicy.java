package dev.rapport.core.sla;

import dev.rapport.api.ticket.Priority;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;

/** Per priority: the first-response and resolution targets and how often the customer must hear from us. */
public record SlaPolicy(Map<Priority, Targets> targets) {
    /** The targets of one priority. */
    public record Targets(Duration firstResponse, Duration resolution, Duration updateCadence) {
    }

    public SlaPolicy {
        if (!targets.keySet().containsAll(EnumSet.allOf(Priority.class))) {
            throw new IllegalArgumentException("an SLA policy needs targets for P1 to P4");
        }
        targets = Map.copyOf(targets);
    }

    /**
     * SPEC §5's defaults, on a 24×7 clock: P1 30 min / 24 h / every 2 h; P2 24 h / 10 days / 24 h; P3 2 h / 48 h /
     * 24 h; P4 48 h / 72 h / 24 h. (P2's "10 business days" counts calendar days until business calendars arrive.)
     */
    public static SlaPolicy defaults() {
        return new SlaPolicy(Map.of(
                Priority.P1, new Targets(Duration.ofMinutes(30), Duration.ofHours(24), Duration.ofHours(2)),
                Priority.P2, new Targets(Duration.ofHours(24), Duration.ofDays(10), Duration.ofHours(24)),
                Priority.P3, new Targets(Duration.ofHours(2), Duration.ofHours(48), Duration.ofHours(24)),
                Priority.P4, new Targets(Duration.ofHours(48), Duration.ofHours(72), Duration.ofHours(24))));
    }

    public Targets of(Priority priority) {
        return targets.get(priority);
    }
}
