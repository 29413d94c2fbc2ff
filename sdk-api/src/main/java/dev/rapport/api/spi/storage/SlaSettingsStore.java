package dev.rapport.api.spi.storage;

import dev.rapport.api.sla.BusinessCalendar;
import dev.rapport.api.sla.SlaPolicy;

import java.util.List;
import java.util.Optional;

/** The SLA policy and business calendars, shared by every node on the database. */
public interface SlaSettingsStore {
    /** The stored policy; empty until one is saved. */
    Optional<SlaPolicy> policy();

    /** Replaces the stored policy. */
    void savePolicy(SlaPolicy policy);

    /** Every stored calendar, by id. */
    List<BusinessCalendar> calendars();

    /** Inserts or replaces the calendar with this id. */
    void saveCalendar(BusinessCalendar calendar);

    /** Inserts the calendar unless one with its id exists; racing nodes insert it once. */
    void saveCalendarIfAbsent(BusinessCalendar calendar);
}
