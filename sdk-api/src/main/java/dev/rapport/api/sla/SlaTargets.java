package dev.rapport.api.sla;

import java.time.Duration;
import java.util.Objects;

/**
 * What an SLA policy promises for one priority. Durations count working time in the named calendar.
 *
 * @param firstResponse how soon the customer hears from us first
 * @param resolution    how soon the ticket is resolved
 * @param updateCadence how often the customer hears from us while the ticket is open
 * @param calendarId    the {@link BusinessCalendar} the clocks run in
 */
public record SlaTargets(Duration firstResponse, Duration resolution, Duration updateCadence, String calendarId) {
    public SlaTargets {
        Objects.requireNonNull(firstResponse, "firstResponse");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(updateCadence, "updateCadence");
        Objects.requireNonNull(calendarId, "calendarId");
    }
}
