package dev.rapport.api.spi.storage;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.customer.MaintenanceLevel;
import dev.rapport.api.followup.FollowUp;
import dev.rapport.api.followup.FollowUpId;
import dev.rapport.api.followup.UnplannedCare;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Follow-ups. Each has a plan key the SDK derives from what it follows (the ticket and step, the customer and date),
 * unique across the data, so that the same follow-up is planned once however many nodes plan it at the same time.
 * {@link FollowUp#nextAlarmAt()} must be kept indexed for {@link #dueForAlarm}.
 */
public interface FollowUpStore {
    /**
     * Stores a new follow-up unless one with {@code planKey} exists, or is being stored by a concurrent transaction
     * (which is waited for, or treated as existing).
     *
     * @return whether it was stored
     */
    boolean insertIfAbsent(FollowUp followUp, String planKey);

    /** The follow-up exactly as last stored, or empty. */
    Optional<FollowUp> find(FollowUpId id);

    /** The follow-up stored under {@code planKey}, or empty. */
    Optional<FollowUp> findByPlanKey(String planKey);

    /**
     * Replaces the stored follow-up if its version is still {@code expectedVersion}.
     *
     * @return false when the stored version differs: nothing was written
     */
    boolean update(FollowUp followUp, long expectedVersion);

    /** At most {@code query.limit()} follow-ups matching the query, soonest due first, then by id. */
    List<FollowUp> list(FollowUpQuery query);

    /** At most {@code limit} follow-ups of the customer, latest due first by (due time, id), after {@code before}. */
    List<FollowUp> ofCustomer(CustomerId customer, Optional<Before> before, int limit);

    /**
     * At most {@code limit} follow-ups whose {@link FollowUp#nextAlarmAt()} is not after {@code now}, earliest first,
     * locked until the transaction ends. Follow-ups another transaction has locked are skipped where the database can;
     * where it cannot, the caller's version check keeps each alarm to one node.
     */
    List<FollowUp> dueForAlarm(Instant now, int limit);

    /**
     * At most {@code limit} customers of maintenance level {@code level}, not merged into another, whose maintenance
     * is due for planning by {@code today} (their {@link #maintenanceDueOn} day is not after it), soonest due first,
     * then by id. Kept indexed: the planner reads only the customers due, not every customer.
     */
    List<CareCandidate> dueForMaintenance(MaintenanceLevel level, LocalDate today, int limit);

    /**
     * Records the first day the planner must look at the customer's maintenance again: the day after the contact it
     * planned, or tomorrow when it could not plan one. A new customer is due at once; a merged one never.
     */
    void maintenanceDueOn(CustomerId customer, LocalDate day);

    /**
     * Claims the care planning of {@code day} for {@code holder} until {@code until}: taken when no node has planned
     * that day in full and no other node holds an unexpired lease ({@code held_until} after {@code now}); a holder may
     * claim again to renew.
     */
    CarePlanningClaim claimCarePlanning(String holder, LocalDate day, Instant now, Instant until);

    /** Records that {@code holder} planned {@code day} in full, and releases its lease. */
    void finishCarePlanning(String holder, LocalDate day);

    /**
     * At most {@code limit} customers that are not merged into another, whose contract ends between {@code from} and
     * {@code to} (both included), and that have no {@code RENEWAL} follow-up for that contract end: in the order of
     * their contract end and then id, after the customer {@code after} (the last one of the previous page) in that
     * order. A storage should answer from an index on (contract end, id), so that a day's pages read only the
     * contracts within the notice.
     */
    List<CareCandidate> withoutRenewal(LocalDate from, LocalDate to, Optional<CustomerId> after, int limit);

    /** Moves every follow-up of {@code from} to {@code to}; returns how many moved. */
    int moveCustomer(CustomerId from, CustomerId to);

    /** Replaces what the last complete care planning left unplanned with {@code causes} (possibly none). */
    void recordUnplanned(List<UnplannedCare> causes);

    /** What the last complete care planning left unplanned, as last recorded; most customers first. */
    List<UnplannedCare> unplanned();
}
