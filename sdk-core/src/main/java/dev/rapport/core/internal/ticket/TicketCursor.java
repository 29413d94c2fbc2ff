package dev.rapport.core.internal.ticket;

import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketId;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a ticket list's page ended: the last ticket's id, and in the SLA monitor's lists also the deadline it was
 * sorted by ({@code <epoch-micros>~<id>}), so that the next page starts after it even if that ticket changed.
 */
record TicketCursor(Optional<Instant> due, TicketId id) {
    private static final String SEPARATOR = "~";

    static String of(Ticket last, boolean byDeadline) {
        if (!byDeadline) {
            return last.id().value();
        }
        Instant due = last.sla().nearestDue().orElse(Instant.EPOCH);
        long micros = Math.addExact(Math.multiplyExact(due.getEpochSecond(), 1_000_000L), due.getNano() / 1_000);
        return micros + SEPARATOR + last.id().value();
    }

    static TicketCursor parse(String cursor, boolean byDeadline) {
        try {
            if (!byDeadline) {
                return new TicketCursor(Optional.empty(), id(cursor));
            }
            int split = cursor.indexOf(SEPARATOR);
            long micros = Long.parseLong(cursor.substring(0, split));
            Instant due = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000);
            return new TicketCursor(Optional.of(due), id(cursor.substring(split + 1)));
        } catch (RuntimeException e) {
            throw new ValidationException(FieldError.of("cursor", "is not a cursor this list returned"));
        }
    }

    private static TicketId id(String value) {
        UUID.fromString(value);
        return TicketId.of(value);
    }
}
