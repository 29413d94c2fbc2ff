package dev.rapport.storage.jdbc;

import dev.rapport.api.spi.storage.FigureStore;
import dev.rapport.api.ticket.SlaWatch;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Optional;

import static dev.rapport.storage.jdbc.JdbcValues.instant;

/**
 * Counts over the indexes the lists already use: the SLA lists' {@code tickets_sla_due_warn}, the undelivered outbox's
 * {@code outbox_undelivered} and the deliveries' {@code (state, ...)} indexes.
 */
final class JdbcFigureStore implements FigureStore {
    private final Handle handle;

    JdbcFigureStore(Handle handle) {
        this.handle = handle;
    }

    @Override
    public long slaTickets(SlaWatch watch, Instant asOf) {
        // The same conditions as JdbcTicketStore.list's SLA lists, so the gauge matches what the lists show.
        String condition = watch == SlaWatch.OVERDUE ? "sla_due_at <= :asOf"
                : "sla_due_at > :asOf AND sla_warn_at <= :asOf";
        return handle.createQuery("SELECT COUNT(*) FROM tickets WHERE " + condition)
                .bind("asOf", instant(asOf))
                .mapTo(Long.class)
                .one();
    }

    @Override
    public Backlog backlog() {
        var unfanned = handle.createQuery("SELECT COUNT(*) AS n, MIN(position) AS first FROM outbox "
                        + "WHERE delivered = FALSE")
                .map((rs, ctx) -> new Span(rs.getLong("n"), rs.getLong("first")))
                .one();
        var pending = handle.createQuery("SELECT COUNT(*) AS n, MIN(position) AS first FROM deliveries "
                        + "WHERE state = 'PENDING'")
                .map((rs, ctx) -> new Span(rs.getLong("n"), rs.getLong("first")))
                .one();
        long total = unfanned.count() + pending.count();
        if (total == 0) {
            return new Backlog(0, Optional.empty());
        }
        // Positions grow with time: the smallest pending one is the oldest event still waiting.
        long first = Math.min(unfanned.count() > 0 ? unfanned.first() : Long.MAX_VALUE,
                pending.count() > 0 ? pending.first() : Long.MAX_VALUE);
        var oldest = handle.createQuery("SELECT occurred_at FROM outbox WHERE position = :position")
                .bind("position", first)
                .map((rs, ctx) -> JdbcValues.instant(rs, "occurred_at"))
                .findOne();
        return new Backlog(total, oldest);
    }

    @Override
    public long deadLetters() {
        return handle.createQuery("SELECT COUNT(*) FROM deliveries WHERE state = 'DEAD'")
                .mapTo(Long.class)
                .one();
    }

    private record Span(long count, long first) {
    }
}
