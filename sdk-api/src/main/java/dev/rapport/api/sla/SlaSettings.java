package dev.rapport.api.sla;

import dev.rapport.api.error.ValidationException;
import dev.rapport.api.security.Actor;

import java.util.List;

/**
 * The SLA policy and the business calendars it counts in. Anyone who may read tickets may read them; changing them
 * needs {@code sla.admin}, is audited, and applies to tickets opened afterwards.
 */
public interface SlaSettings {
    /** The policy new tickets get. */
    SlaPolicy policy(Actor actor);

    /**
     * Replaces the policy.
     *
     * @throws ValidationException naming each priority whose targets are not positive or name an unknown calendar
     */
    SlaPolicy updatePolicy(Actor actor, SlaPolicy policy);

    /** Every calendar, by id. */
    List<BusinessCalendar> calendars(Actor actor);

    /**
     * Adds and changes calendars. Calendars are never removed, since open tickets count in them: every existing id
     * must be in {@code calendars}.
     *
     * @throws ValidationException naming each missing or duplicate calendar
     */
    List<BusinessCalendar> updateCalendars(Actor actor, List<BusinessCalendar> calendars);
}
