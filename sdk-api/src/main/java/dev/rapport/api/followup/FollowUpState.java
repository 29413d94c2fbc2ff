package dev.rapport.api.followup;

/**
 * Where a follow-up stands. PENDING until done or skipped; OVERDUE once its due day has passed without either, and
 * still to be done or skipped.
 */
public enum FollowUpState {
    PENDING, DONE, SKIPPED, OVERDUE;

    /** Whether it can still be completed or skipped: PENDING or OVERDUE. */
    public boolean isOpen() {
        return this == PENDING || this == OVERDUE;
    }
}
