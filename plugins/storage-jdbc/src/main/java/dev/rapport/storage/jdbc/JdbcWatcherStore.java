package dev.rapport.storage.jdbc;

import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.storage.WatcherStore;
import dev.rapport.api.ticket.TicketId;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;

import static dev.rapport.storage.jdbc.JdbcValues.instant;

/** Tickets' watchers in {@code ticket_watchers}, one row per ticket and user. */
final class JdbcWatcherStore implements WatcherStore {
    private final Handle handle;

    JdbcWatcherStore(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void add(TicketId ticket, UserId user, Instant at) {
        // Plain SQL both databases run. Two transactions adding the same watcher at once would still collide on
        // the primary key; the core adds watchers only to the ticket it is opening.
        handle.createUpdate("INSERT INTO ticket_watchers (ticket_id, user_id, added_at) SELECT :ticketId, :userId, :at "
                        + "WHERE NOT EXISTS (SELECT 1 FROM ticket_watchers WHERE ticket_id = :ticketId "
                        + "AND user_id = :userId)")
                .bind("ticketId", ticket.value())
                .bind("userId", user.value())
                .bind("at", instant(at))
                .execute();
    }

    @Override
    public List<UserId> of(TicketId ticket) {
        return DirectSql.list(handle, "SELECT user_id FROM ticket_watchers WHERE ticket_id = ? ORDER BY added_at, user_id",
                statement -> statement.setString(1, ticket.value()), rs -> UserId.of(rs.getString(1)));
    }

    @Override
    public boolean watches(TicketId ticket, UserId user) {
        return handle.createQuery("SELECT 1 FROM ticket_watchers WHERE ticket_id = :ticketId AND user_id = :userId")
                .bind("ticketId", ticket.value())
                .bind("userId", user.value())
                .mapTo(Integer.class)
                .findOne()
                .isPresent();
    }
}
