package dev.rapport.api.ticket;

import dev.rapport.api.security.UserId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An action recorded on a ticket.
 *
 * @param statusAfter   the ticket's status once the entry was recorded
 * @param nextUpdateAt  when the author promised the customer the next update
 */
public record ProgressEntry(Instant at, UserId authorId, String action, TicketStatus statusAfter,
                            Visibility visibility, Optional<Instant> nextUpdateAt) {
    public ProgressEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(authorId, "authorId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(statusAfter, "statusAfter");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(nextUpdateAt, "nextUpdateAt");
    }
}
