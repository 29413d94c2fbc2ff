package dev.rapport.storage.jdbc;

import dev.rapport.api.event.DeadLetter;
import dev.rapport.api.spi.storage.DeliveryStore;
import dev.rapport.api.spi.storage.Lease;
import dev.rapport.api.spi.storage.OutboxEntry;
import dev.rapport.api.spi.storage.PendingDelivery;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static dev.rapport.storage.jdbc.JdbcValues.instant;
import static dev.rapport.storage.jdbc.JdbcValues.optionalString;

/**
 * Deliveries in {@code deliveries}, one row per subscriber and outbox event; subscribers in {@code event_subscribers};
 * the fan-out turn is the lock on the one row of {@code event_fan_out}. Claims lock candidate rows with
 * {@code FOR UPDATE SKIP LOCKED} (both H2 and PostgreSQL skip rows another transaction holds) and then lease them
 * under a token, so the rows are not held while a notifier is called.
 */
final class JdbcDeliveryStore implements DeliveryStore {
    private static final String PENDING = "PENDING";
    private static final String DELIVERED = "DELIVERED";
    private static final String DEAD = "DEAD";
    /** Longer texts from notifiers are cut: they are for a person's eyes, not for the record. */
    private static final int MAX_TEXT = 1_000;

    private final Handle handle;
    private final Dialect dialect;
    private final JsonCodec json;

    JdbcDeliveryStore(Handle handle, Dialect dialect, JsonCodec json) {
        this.handle = handle;
        this.dialect = dialect;
        this.json = json;
    }

    @Override
    public void register(Collection<String> subscribers, Instant now) {
        if (subscribers.isEmpty()) {
            return;
        }
        for (String name : new TreeSet<>(subscribers)) {
            InsertIfAbsent.insert(handle, dialect, "event_subscribers", "name",
                    Map.of("name", name, "registered_at", instant(now), "seen_at", instant(now)));
        }
        handle.createUpdate("UPDATE event_subscribers SET seen_at = :now WHERE name IN (<names>) AND seen_at < :now")
                .bind("now", instant(now))
                .bindList("names", List.copyOf(new TreeSet<>(subscribers)))
                .execute();
    }

    @Override
    public Set<String> subscribers(Instant since) {
        return new TreeSet<>(handle.createQuery("SELECT name FROM event_subscribers WHERE seen_at >= :since")
                .bind("since", instant(since))
                .mapTo(String.class)
                .list());
    }

    @Override
    public boolean takeFanOutTurn() {
        return handle.createQuery("SELECT id FROM event_fan_out WHERE id = 1 FOR UPDATE SKIP LOCKED")
                .mapTo(Integer.class)
                .findOne()
                .isPresent();
    }

    @Override
    public void enqueue(Collection<OutboxEntry> events, Collection<String> subscribers, Instant now) {
        if (events.isEmpty() || subscribers.isEmpty()) {
            return;
        }
        var batch = handle.prepareBatch("INSERT INTO deliveries (subscriber, position, subject_id, state, attempts, "
                + "next_attempt_at) VALUES (:subscriber, :position, :subject, '" + PENDING + "', 0, :now)");
        for (var event : events) {
            for (String subscriber : new TreeSet<>(subscribers)) {
                batch.bind("subscriber", subscriber)
                        .bind("position", event.position())
                        .bind("subject", event.event().subjectId())
                        .bind("now", instant(now))
                        .add();
            }
        }
        batch.execute();
    }

    @Override
    public List<PendingDelivery> claim(String subscriber, Lease lease, Instant now, int limit) {
        List<Long> candidates = handle.createQuery("SELECT d.id FROM deliveries d "
                        + "WHERE d.state = '" + PENDING + "' AND d.subscriber = :subscriber "
                        + "AND d.next_attempt_at <= :now AND (d.leased_until IS NULL OR d.leased_until <= :now) "
                        + "AND NOT EXISTS (SELECT 1 FROM deliveries e WHERE e.state = '" + PENDING + "' "
                        + "AND e.subscriber = d.subscriber AND e.subject_id = d.subject_id AND e.position < d.position) "
                        + "ORDER BY d.position LIMIT :limit FOR UPDATE SKIP LOCKED")
                .bind("subscriber", subscriber)
                .bind("now", instant(now))
                .bind("limit", limit)
                .mapTo(Long.class)
                .list();
        if (candidates.isEmpty()) {
            return List.of();
        }
        // The conditions again: a row another node leased and released between our read and our lock stays theirs.
        handle.createUpdate("UPDATE deliveries SET lease_token = :token, leased_until = :until "
                        + "WHERE id IN (<ids>) AND state = '" + PENDING + "' "
                        + "AND (leased_until IS NULL OR leased_until <= :now)")
                .bind("token", lease.token())
                .bind("until", instant(lease.until()))
                .bind("now", instant(now))
                .bindList("ids", candidates)
                .execute();
        return handle.createQuery("SELECT d.id, d.position, d.attempts, o.event_type, o.payload FROM deliveries d "
                        + "JOIN outbox o ON o.position = d.position WHERE d.id IN (<ids>) AND d.lease_token = :token "
                        + "ORDER BY d.position")
                .bindList("ids", candidates)
                .bind("token", lease.token())
                .map((rs, ctx) -> new PendingDelivery(rs.getLong("id"), rs.getLong("position"),
                        json.event(rs.getString("event_type"), rs.getString("payload")), rs.getInt("attempts")))
                .list();
    }

    @Override
    public boolean markDelivered(long id, String leaseToken, int attempts, Instant at, Optional<String> receipt) {
        return handle.createUpdate("UPDATE deliveries SET state = '" + DELIVERED + "', attempts = :attempts, "
                        + "receipt = :receipt, finished_at = :at, lease_token = NULL, leased_until = NULL "
                        + "WHERE id = :id AND lease_token = :token AND state = '" + PENDING + "'")
                .bind("attempts", attempts)
                .bind("receipt", receipt.map(JdbcDeliveryStore::cut).orElse(null))
                .bind("at", instant(at))
                .bind("id", id)
                .bind("token", leaseToken)
                .execute() == 1;
    }

    @Override
    public boolean scheduleRetry(long id, String leaseToken, int attempts, Instant nextAttemptAt, String error) {
        return handle.createUpdate("UPDATE deliveries SET attempts = :attempts, next_attempt_at = :next, "
                        + "last_error = :error, lease_token = NULL, leased_until = NULL "
                        + "WHERE id = :id AND lease_token = :token AND state = '" + PENDING + "'")
                .bind("attempts", attempts)
                .bind("next", instant(nextAttemptAt))
                .bind("error", cut(error))
                .bind("id", id)
                .bind("token", leaseToken)
                .execute() == 1;
    }

    @Override
    public boolean markDead(long id, String leaseToken, int attempts, Instant at, String error) {
        return handle.createUpdate("UPDATE deliveries SET state = '" + DEAD + "', attempts = :attempts, "
                        + "last_error = :error, finished_at = :at, lease_token = NULL, leased_until = NULL "
                        + "WHERE id = :id AND lease_token = :token AND state = '" + PENDING + "'")
                .bind("attempts", attempts)
                .bind("error", cut(error))
                .bind("at", instant(at))
                .bind("id", id)
                .bind("token", leaseToken)
                .execute() == 1;
    }

    @Override
    public void release(Collection<Long> ids, String leaseToken) {
        if (ids.isEmpty()) {
            return;
        }
        handle.createUpdate("UPDATE deliveries SET lease_token = NULL, leased_until = NULL "
                        + "WHERE id IN (<ids>) AND lease_token = :token")
                .bindList("ids", List.copyOf(ids))
                .bind("token", leaseToken)
                .execute();
    }

    @Override
    public List<DeadLetter> dead(Optional<String> subscriber, Optional<Long> afterId, int limit) {
        var query = handle.createQuery("SELECT d.id, d.subscriber, d.subject_id, d.attempts, d.last_error, "
                        + "d.finished_at, o.event_type, o.occurred_at FROM deliveries d "
                        + "JOIN outbox o ON o.position = d.position WHERE d.state = '" + DEAD + "' "
                        + (subscriber.isPresent() ? "AND d.subscriber = :subscriber " : "")
                        + (afterId.isPresent() ? "AND d.id > :after " : "")
                        + "ORDER BY d.id LIMIT :limit")
                .bind("limit", limit);
        subscriber.ifPresent(s -> query.bind("subscriber", s));
        afterId.ifPresent(after -> query.bind("after", after));
        return query.map((rs, ctx) -> deadLetter(rs)).list();
    }

    @Override
    public boolean revive(long id, Instant now) {
        return handle.createUpdate("UPDATE deliveries SET state = '" + PENDING + "', attempts = 0, "
                        + "next_attempt_at = :now, finished_at = NULL WHERE id = :id AND state = '" + DEAD + "'")
                .bind("now", instant(now))
                .bind("id", id)
                .execute() == 1;
    }

    @Override
    public int reviveAll(String subscriber, Instant now) {
        return handle.createUpdate("UPDATE deliveries SET state = '" + PENDING + "', attempts = 0, "
                        + "next_attempt_at = :now, finished_at = NULL "
                        + "WHERE state = '" + DEAD + "' AND subscriber = :subscriber")
                .bind("now", instant(now))
                .bind("subscriber", subscriber)
                .execute();
    }

    private static DeadLetter deadLetter(ResultSet rs) throws SQLException {
        return new DeadLetter(Long.toString(rs.getLong("id")), rs.getString("subscriber"),
                rs.getString("event_type"), rs.getString("subject_id"), instant(rs, "occurred_at"),
                rs.getInt("attempts"), optionalString(rs, "last_error"), instant(rs, "finished_at"));
    }

    private static String cut(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }
}
