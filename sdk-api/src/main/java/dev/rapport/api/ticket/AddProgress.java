package dev.rapport.api.ticket;

import java.time.Instant;
import java.util.Optional;

/**
 * A progress entry to record.
 *
 * @param status       the status to move to: IN_PROGRESS, WAITING_CUSTOMER or WAITING_INTERNAL; when empty, an
 *                     ASSIGNED or REOPENED ticket moves to IN_PROGRESS and any other keeps its status
 * @param nextUpdateAt when the customer will hear from us next; the SLA's update cadence still applies
 */
public record AddProgress(long version, String action, Optional<TicketStatus> status, Visibility visibility,
                          Optional<Instant> nextUpdateAt) {
    public AddProgress {
        status = status == null ? Optional.empty() : status;
        nextUpdateAt = nextUpdateAt == null ? Optional.empty() : nextUpdateAt;
    }

    /** An entry that only records an action, at the given visibility. */
    public static AddProgress note(String action, Visibility visibility, long version) {
        return new AddProgress(version, action, Optional.empty(), visibility, Optional.empty());
    }
}
