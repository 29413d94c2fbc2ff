package dev.rapport.api.ticket;

import java.time.Instant;
import java.util.Optional;

/**
 * An exception to record on a ticket; {@link Tickets#recordException} checks every field and names each bad one.
 *
 * @param version          the version of the ticket the caller read
 * @param kind             required
 * @param description      what got in the way, required
 * @param customerInformed what the customer was told, required
 * @param newEta           the new expected resolution time, if one was agreed; must be in the future
 */
public record RecordException(long version, ExceptionKind kind, String description, String customerInformed,
                              Optional<Instant> newEta) {
    public RecordException {
        newEta = newEta == null ? Optional.empty() : newEta;
    }
}
