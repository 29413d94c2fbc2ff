package dev.rapport.storage.jdbc;

import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.spi.storage.Outbox;
import dev.rapport.api.spi.storage.OutboxEntry;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

import static dev.rapport.storage.jdbc.JdbcValues.instant;

/**
 * Events in {@code outbox} as JSON, by position. Delivered rows are flagged with the time, not deleted, so the history
 * of what was announced stays inspectable.
 */
final class JdbcOutbox implements Outbox {
    private final Handle handle;
    private final JsonCodec json;
    private final Clock clock;

    JdbcOutbox(Handle handle, JsonCodec json, Clock clock) {
        this.handle = handle;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void append(DomainEvent event) {
        String payload = json.event(event);
        DirectSql.update(handle, "INSERT INTO outbox (event_type, subject_id, occurred_at, payload) VALUES (?, ?, ?, ?)",
                statement -> {
                    statement.setString(1, JsonCodec.typeOf(event));
                    statement.setString(2, event.subjectId());
                    DirectSql.setInstant(statement, 3, event.occurredAt());
                    statement.setString(4, payload);
                });
    }

    @Override
    public List<OutboxEntry> undelivered(int limit) {
        return handle.createQuery("SELECT position, event_type, payload FROM outbox WHERE NOT delivered "
                        + "ORDER BY position LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new OutboxEntry(rs.getLong("position"),
                        json.event(rs.getString("event_type"), rs.getString("payload"))))
                .list();
    }

    @Override
    public void markDelivered(Collection<Long> positions) {
        if (positions.isEmpty()) {
            return;
        }
        handle.createUpdate("UPDATE outbox SET delivered = TRUE, delivered_at = :now "
                        + "WHERE position IN (<positions>) AND NOT delivered")
                .bind("now", instant(clock.instant()))
                .bindList("positions", List.copyOf(positions))
                .execute();
    }
}
