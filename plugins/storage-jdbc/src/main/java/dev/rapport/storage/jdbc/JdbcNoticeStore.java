package dev.rapport.storage.jdbc;

import dev.rapport.api.notice.Notice;
import dev.rapport.api.notice.NoticeType;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.storage.NewNotice;
import dev.rapport.api.spi.storage.NoticeStore;
import dev.rapport.api.ticket.TicketId;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static dev.rapport.storage.jdbc.JdbcValues.instant;

/** Notices in {@code notices}, keyed by (user, event position). */
final class JdbcNoticeStore implements NoticeStore {
    private static final String COLUMNS = "event_position, type, ticket_id, ticket_number, title, occurred_at, read_at";

    private final Handle handle;
    private final Dialect dialect;

    JdbcNoticeStore(Handle handle, Dialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
    }

    @Override
    public boolean insertIfAbsent(NewNotice notice) {
        // LinkedHashMap: the title may be null, which Map.of refuses.
        var row = new LinkedHashMap<String, Object>();
        row.put("user_id", notice.userId().value());
        row.put("event_position", notice.eventPosition());
        row.put("type", notice.type().name());
        row.put("ticket_id", notice.ticketId().value());
        row.put("ticket_number", notice.ticketNumber());
        row.put("title", notice.title().orElse(null));
        row.put("occurred_at", instant(notice.at()));
        return InsertIfAbsent.insert(handle, dialect, "notices", "user_id, event_position", row);
    }

    @Override
    public List<Notice> list(UserId user, boolean unreadOnly, OptionalLong before, int limit) {
        var query = handle.createQuery("SELECT " + COLUMNS + " FROM notices WHERE user_id = :user"
                        + (unreadOnly ? " AND read_at IS NULL" : "")
                        + (before.isPresent() ? " AND event_position < :before" : "")
                        + " ORDER BY event_position DESC LIMIT :limit")
                .bind("user", user.value())
                .bind("limit", limit);
        before.ifPresent(position -> query.bind("before", position));
        return query.map((rs, ctx) -> notice(rs)).list();
    }

    @Override
    public long unread(UserId user) {
        return handle.createQuery("SELECT COUNT(*) FROM notices WHERE user_id = :user AND read_at IS NULL")
                .bind("user", user.value())
                .mapTo(Long.class)
                .one();
    }

    @Override
    public boolean markRead(UserId user, long eventPosition, Instant at) {
        var found = handle.createQuery("SELECT read_at FROM notices WHERE user_id = :user AND event_position = :position")
                .bind("user", user.value())
                .bind("position", eventPosition)
                .map((rs, ctx) -> Optional.ofNullable(rs.getObject("read_at")))
                .findOne();
        if (found.isEmpty()) {
            return false;
        }
        handle.createUpdate("UPDATE notices SET read_at = :at WHERE user_id = :user AND event_position = :position "
                        + "AND read_at IS NULL")
                .bind("at", instant(at))
                .bind("user", user.value())
                .bind("position", eventPosition)
                .execute();
        return true;
    }

    @Override
    public int markAllRead(UserId user, Instant at) {
        return handle.createUpdate("UPDATE notices SET read_at = :at WHERE user_id = :user AND read_at IS NULL")
                .bind("at", instant(at))
                .bind("user", user.value())
                .execute();
    }

    private static Notice notice(ResultSet rs) throws SQLException {
        return new Notice(Long.toString(rs.getLong("event_position")), NoticeType.valueOf(rs.getString("type")),
                TicketId.of(rs.getString("ticket_id")), rs.getString("ticket_number"),
                Optional.ofNullable(rs.getString("title")), instant(rs, "occurred_at"),
                rs.getObject("read_at") != null);
    }
}
