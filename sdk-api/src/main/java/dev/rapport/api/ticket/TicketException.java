package dev.rapport.api.ticket;

import dev.rapport.api.security.UserId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An exception recorded on a ticket (SPEC §4): what got in the way, and what the customer was told.
 *
 * @param customerInformed what the customer was told about it
 * @param newEta           the new expected resolution time agreed with the customer, when there is one; recording it
 *                         moved the ticket's resolution deadline there
 */
public record TicketException(ExceptionKind kind, String description, String customerInformed,
                              Optional<Instant> newEta, UserId recordedBy, Instant at) {
    public TicketException {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(customerInformed, "customerInformed");
        Objects.requireNonNull(newEta, "newEta");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(at, "at");
    }
}
