package dev.rapport.api.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A ticket's deadlines.
 *
 * @param firstResponseDue when the first customer-visible response is due
 * @param resolutionDue    when the ticket must be resolved
 * @param nextUpdateDue    when the customer must next hear from us
 * @param pausedSince      set while the ticket waits for the customer: the clocks stand still, and the
 *                         deadlines move by the time waited when it resumes
 * @param breached         the targets already missed, as of when the ticket was read
 */
public record TicketSla(Instant firstResponseDue, Instant resolutionDue, Instant nextUpdateDue,
                        Optional<Instant> pausedSince, List<SlaTarget> breached) {
    public TicketSla {
        Objects.requireNonNull(firstResponseDue, "firstResponseDue");
        Objects.requireNonNull(resolutionDue, "resolutionDue");
        Objects.requireNonNull(nextUpdateDue, "nextUpdateDue");
        Objects.requireNonNull(pausedSince, "pausedSince");
        breached = List.copyOf(breached);
    }

    /** Whether the clocks stand still. */
    public boolean paused() {
        return pausedSince.isPresent();
    }
}
