package dev.rapport.api.notice;

import dev.rapport.api.ticket.TicketId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One in-app notice of one user: what happened to which ticket, with just what a list needs to show it. It names
 * the ticket, never its customer.
 *
 * @param id           unique among the user's notices; another user's notice of the same event has the same id
 * @param type         what happened
 * @param ticketId     the ticket it happened to
 * @param ticketNumber the ticket's number, e.g. {@code T2026000042}
 * @param title        the ticket's title when it had one at the time
 * @param at           when it happened
 * @param read         whether the user marked it read
 */
public record Notice(String id, NoticeType type, TicketId ticketId, String ticketNumber, Optional<String> title,
                     Instant at, boolean read) {
    public Notice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(ticketNumber, "ticketNumber");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(at, "at");
    }
}
