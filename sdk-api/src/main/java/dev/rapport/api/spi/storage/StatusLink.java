package dev.rapport.api.spi.storage;

import dev.rapport.api.ticket.TicketId;

import java.time.Instant;
import java.util.Objects;

/**
 * A link that shows a customer their ticket's status and takes their confirmation of one resolution. The storage
 * keeps the hash of the link's token, never the token: whoever reads the database cannot use a link.
 *
 * @param tokenHash  the hex SHA-256 of the token
 * @param resolvedAt when the resolution the link confirms was made: a later resolution gets a link of its own
 * @param expiresAt  after this the link answers that it has expired
 */
public record StatusLink(String tokenHash, TicketId ticketId, Instant resolvedAt, Instant createdAt,
                         Instant expiresAt) {
    public StatusLink {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
