package dev.rapport.api.spi.storage;

/**
 * What a node's claim on a day's care planning came to ({@link FollowUpStore#claimCarePlanning}): one node per day
 * plans the customers' care, holding a lease it renews while it works; a node that dies leaves the lease to run out.
 */
public enum CarePlanningClaim {
    /** This node holds the lease now: it plans, renewing the lease between batches. */
    CLAIMED,
    /** Another node holds an unexpired lease: it is planning the day; ask again later in case it dies. */
    HELD_ELSEWHERE,
    /** The day (or a later one) is planned in full already. */
    DONE
}
