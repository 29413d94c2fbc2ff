package dev.rapport.core.internal.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Days in the business zone, as follow-ups count them: a follow-up planned for a day is due at the start of business
 * that day, and becomes OVERDUE when that day is over.
 */
record FollowUpCalendar(ZoneId zone, LocalTime dayStart) {
    /** The day {@code at} falls on. */
    LocalDate day(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    /** The start of business on {@code day}: when a follow-up planned for it is due. */
    Instant dueOn(LocalDate day) {
        return day.atTime(dayStart).atZone(zone).toInstant();
    }

    /** The first instant of {@code day}. */
    Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** When a follow-up due at {@code due} becomes OVERDUE: the start of the next day. */
    Instant overdueAfter(Instant due) {
        return startOf(day(due).plusDays(1));
    }
}
