package dev.rapport.storage.jdbc;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.improvement.ImprovementId;
import dev.rapport.api.improvement.ImprovementSuggestion;
import dev.rapport.api.improvement.SuggestionId;
import dev.rapport.api.improvement.SuggestionState;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.storage.SuggestionStore;
import dev.rapport.api.spi.storage.TaggedTicket;
import dev.rapport.api.ticket.TicketId;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.rapport.storage.jdbc.JdbcValues.enumValue;
import static dev.rapport.storage.jdbc.JdbcValues.instant;
import static dev.rapport.storage.jdbc.JdbcValues.optionalInstant;
import static dev.rapport.storage.jdbc.JdbcValues.optionalString;

/**
 * Suggestions in {@code improvement_suggestions}, unique by cluster key; their tickets in
 * {@code improvement_suggestion_tickets}, whose customers are read from the tickets as they are now.
 */
final class JdbcSuggestionStore implements SuggestionStore {
    private static final String COLUMNS = "id, ticket_type, tag, department_id, state, improvement_id, dismiss_reason, "
            + "settled_by, settled_at, follows, suggested_at";

    private final Handle handle;
    private final Dialect dialect;

    JdbcSuggestionStore(Handle handle, Dialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
    }

    @Override
    public boolean insert(ImprovementSuggestion s, List<TaggedTicket> tickets) {
        var row = new LinkedHashMap<String, Object>();
        row.put("id", s.id().value());
        row.put("cluster_key", s.ticketType() + " " + s.follows().map(SuggestionId::value).orElse("-") + " "
                + JdbcTicketStore.tagKey(s.tag()));
        row.put("ticket_type", s.ticketType());
        row.put("tag", s.tag());
        row.put("tag_key", JdbcTicketStore.tagKey(s.tag()));
        row.put("department_id", s.departmentId().value());
        row.put("state", s.state().name());
        s.improvementId().ifPresent(id -> row.put("improvement_id", id.value()));
        s.dismissReason().ifPresent(reason -> row.put("dismiss_reason", reason));
        s.settledBy().ifPresent(by -> row.put("settled_by", by.value()));
        s.settledAt().ifPresent(at -> row.put("settled_at", instant(at)));
        s.follows().ifPresent(id -> row.put("follows", id.value()));
        row.put("suggested_at", instant(s.suggestedAt()));
        if (!InsertIfAbsent.insert(handle, dialect, "improvement_suggestions", "cluster_key", row)) {
            return false;
        }
        if (!tickets.isEmpty()) {
            var batch = handle.prepareBatch("INSERT INTO improvement_suggestion_tickets (suggestion_id, ticket_id, "
                    + "opened_at) VALUES (:id, :ticketId, :openedAt)");
            tickets.forEach(t -> batch.bind("id", s.id().value()).bind("ticketId", t.ticketId().value())
                    .bind("openedAt", instant(t.openedAt())).add());
            batch.execute();
        }
        return true;
    }

    @Override
    public Optional<ImprovementSuggestion> latest(String ticketType, String tag) {
        return one(handle.createQuery("SELECT " + COLUMNS + " FROM improvement_suggestions "
                        + "WHERE ticket_type = :type AND tag_key = :tagKey ORDER BY suggested_at DESC, id DESC LIMIT 1")
                .bind("type", ticketType)
                .bind("tagKey", JdbcTicketStore.tagKey(tag))
                .map((rs, ctx) -> row(rs))
                .list());
    }

    @Override
    public Optional<ImprovementSuggestion> find(SuggestionId id) {
        return one(handle.createQuery("SELECT " + COLUMNS + " FROM improvement_suggestions WHERE id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> row(rs))
                .list());
    }

    @Override
    public boolean join(SuggestionId id, TaggedTicket ticket) {
        boolean member = handle.createQuery("SELECT COUNT(*) FROM improvement_suggestion_tickets "
                        + "WHERE suggestion_id = :id AND ticket_id = :ticketId")
                .bind("id", id.value())
                .bind("ticketId", ticket.ticketId().value())
                .mapTo(Long.class)
                .one() > 0;
        if (member) {
            return false;
        }
        handle.createUpdate("INSERT INTO improvement_suggestion_tickets (suggestion_id, ticket_id, opened_at) "
                        + "VALUES (:id, :ticketId, :openedAt)")
                .bind("id", id.value())
                .bind("ticketId", ticket.ticketId().value())
                .bind("openedAt", instant(ticket.openedAt()))
                .execute();
        return true;
    }

    @Override
    public boolean settle(ImprovementSuggestion s) {
        return handle.createUpdate("UPDATE improvement_suggestions SET state = :state, improvement_id = :improvementId, "
                        + "dismiss_reason = :reason, settled_by = :settledBy, settled_at = :settledAt "
                        + "WHERE id = :id AND state = :open")
                .bind("state", s.state().name())
                .bind("improvementId", s.improvementId().map(ImprovementId::value).orElse(null))
                .bind("reason", s.dismissReason().orElse(null))
                .bind("settledBy", s.settledBy().map(UserId::value).orElse(null))
                .bind("settledAt", instant(s.settledAt()))
                .bind("id", s.id().value())
                .bind("open", SuggestionState.OPEN.name())
                .execute() == 1;
    }

    @Override
    public List<ImprovementSuggestion> list(Optional<SuggestionState> state, Optional<SuggestionId> after, int limit) {
        var conditions = new ArrayList<String>();
        state.ifPresent(s -> conditions.add("state = :state"));
        // Ids are generated in time order, so "older than the previous page's last" is a string comparison.
        after.ifPresent(a -> conditions.add("id < :after"));
        var query = handle.createQuery("SELECT " + COLUMNS + " FROM improvement_suggestions"
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + " ORDER BY id DESC LIMIT :limit");
        state.ifPresent(s -> query.bind("state", s.name()));
        after.ifPresent(a -> query.bind("after", a.value()));
        return withTickets(query.bind("limit", limit).map((rs, ctx) -> row(rs)).list());
    }

    private Optional<ImprovementSuggestion> one(List<ImprovementSuggestion> rows) {
        return withTickets(rows).stream().findFirst();
    }

    /** The rows with their tickets and those tickets' customers, read in one query for all of them. */
    private List<ImprovementSuggestion> withTickets(List<ImprovementSuggestion> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        var bySuggestion = new HashMap<String, List<TaggedTicket>>();
        handle.createQuery("SELECT m.suggestion_id, m.ticket_id, m.opened_at, t.customer_id "
                        + "FROM improvement_suggestion_tickets m JOIN tickets t ON t.id = m.ticket_id "
                        + "WHERE m.suggestion_id IN (<ids>) ORDER BY m.opened_at, m.ticket_id")
                .bindList("ids", rows.stream().map(s -> s.id().value()).toList())
                .map((rs, ctx) -> Map.entry(rs.getString("suggestion_id"), new TaggedTicket(
                        TicketId.of(rs.getString("ticket_id")), CustomerId.of(rs.getString("customer_id")),
                        instant(rs, "opened_at"))))
                .forEach(e -> bySuggestion.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return rows.stream().map(s -> {
            var tickets = bySuggestion.getOrDefault(s.id().value(), List.of());
            var customers = new LinkedHashSet<CustomerId>();
            tickets.forEach(t -> customers.add(t.customerId()));
            Instant last = tickets.isEmpty() ? s.suggestedAt() : tickets.getLast().openedAt();
            return new ImprovementSuggestion(s.id(), s.ticketType(), s.tag(), s.departmentId(), List.copyOf(customers),
                    tickets.stream().map(TaggedTicket::ticketId).toList(), s.state(), s.improvementId(),
                    s.dismissReason(), s.settledBy(), s.settledAt(), s.follows(), s.suggestedAt(), last);
        }).toList();
    }

    /** A suggestion row without its tickets yet. */
    private static ImprovementSuggestion row(ResultSet rs) throws SQLException {
        Instant suggestedAt = instant(rs, "suggested_at");
        return new ImprovementSuggestion(SuggestionId.of(rs.getString("id")), rs.getString("ticket_type"),
                rs.getString("tag"), DepartmentId.of(rs.getString("department_id")), List.of(), List.of(),
                enumValue(rs, "state", SuggestionState.class),
                optionalString(rs, "improvement_id").map(ImprovementId::of), optionalString(rs, "dismiss_reason"),
                optionalString(rs, "settled_by").map(UserId::of), optionalInstant(rs, "settled_at"),
                optionalString(rs, "follows").map(SuggestionId::of), suggestedAt, suggestedAt);
    }
}
