package dev.rapport.core.internal.sla;

import dev.rapport.api.sla.BusinessCalendar;
import dev.rapport.api.sla.SlaPolicy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The SLA policy in force with the working time of every calendar, as one consistent value. */
public record SlaRules(SlaPolicy policy, Map<String, WorkingTime> calendars) {
    private static final WorkingTime ALWAYS_OPEN = new WorkingTime(BusinessCalendar.alwaysOpen());

    public SlaRules {
        calendars = Map.copyOf(calendars);
    }

    public static SlaRules of(SlaPolicy policy, List<BusinessCalendar> calendars) {
        return new SlaRules(policy, calendars.stream()
                .collect(Collectors.toMap(BusinessCalendar::id, WorkingTime::new, (first, second) -> second)));
    }

    /** SPEC §5's defaults on the 24×7 and standard business-hours calendars. */
    public static SlaRules defaults() {
        return of(SlaPolicy.defaults(), List.of(BusinessCalendar.alwaysOpen(), BusinessCalendar.standard()));
    }

    /**
     * The working time of a calendar. Calendars are never removed, so every id a ticket names is known; should a
     * database have lost one, counting 24×7 errs towards warning early rather than never.
     */
    public WorkingTime calendar(String id) {
        var known = calendars.get(id);
        return known != null ? known : ALWAYS_OPEN;
    }
}
