package dev.rapport.api.spi.storage;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.ticket.TicketId;

import java.time.Instant;
import java.util.Objects;

/**
 * A ticket as the improvement-suggestion rule counts it: whose customer raised it, and when.
 *
 * @param openedAt the ticket's creation time
 */
public record TaggedTicket(TicketId ticketId, CustomerId customerId, Instant openedAt) {
    public TaggedTicket {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(openedAt, "openedAt");
    }
}
