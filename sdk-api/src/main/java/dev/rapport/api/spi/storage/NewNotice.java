package dev.rapport.api.spi.storage;

import dev.rapport.api.notice.NoticeType;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.TicketId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A notice to keep for one user, made from the event at {@code eventPosition} in the outbox. A user has at most one
 * notice per event: (user, event position) is its key, and its id is the position.
 */
public record NewNotice(UserId userId, long eventPosition, NoticeType type, TicketId ticketId, String ticketNumber,
                        Optional<String> title, Instant at) {
    public NewNotice {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(ticketNumber, "ticketNumber");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(at, "at");
    }
}
