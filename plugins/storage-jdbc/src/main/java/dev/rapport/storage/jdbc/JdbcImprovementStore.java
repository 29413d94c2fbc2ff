package dev.rapport.storage.jdbc;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.improvement.Improvement;
import dev.rapport.api.improvement.ImprovementFilter;
import dev.rapport.api.improvement.ImprovementId;
import dev.rapport.api.improvement.ImprovementState;
import dev.rapport.api.improvement.RootCause;
import dev.rapport.api.improvement.SuggestionId;
import dev.rapport.api.improvement.Verification;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.storage.ImprovementStore;
import dev.rapport.api.ticket.TicketId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static dev.rapport.storage.jdbc.JdbcValues.date;
import static dev.rapport.storage.jdbc.JdbcValues.enumValue;
import static dev.rapport.storage.jdbc.JdbcValues.instant;
import static dev.rapport.storage.jdbc.JdbcValues.optionalString;

/** Improvements in {@code improvements}; their verifications in {@code improvement_verifications}. */
final class JdbcImprovementStore implements ImprovementStore {
    private static final String COLUMNS = "id, problem, root_cause, measures, department_id, owner_id, planned_date, "
            + "completed_date, customer_ids, ticket_ids, notes, state, suggestion_id, created_by, created_at, "
            + "updated_at, version";

    private final Handle handle;
    private final JsonCodec json;

    JdbcImprovementStore(Handle handle, JsonCodec json) {
        this.handle = handle;
        this.json = json;
    }

    @Override
    public void insert(Improvement i) {
        bind(handle.createUpdate("INSERT INTO improvements (" + COLUMNS + ") VALUES (:id, :problem, :rootCause, "
                + ":measures, :departmentId, :ownerId, :plannedDate, :completedDate, :customerIds, :ticketIds, :notes, "
                + ":state, :suggestionId, :createdBy, :createdAt, :updatedAt, :version)"), i)
                .bind("suggestionId", i.suggestionId().map(SuggestionId::value).orElse(null))
                .bind("createdBy", i.createdBy().value())
                .bind("createdAt", instant(i.createdAt()))
                .execute();
    }

    @Override
    public Optional<Improvement> find(ImprovementId id) {
        var rows = handle.createQuery("SELECT " + COLUMNS + " FROM improvements WHERE id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> row(rs))
                .list();
        return withVerifications(rows).stream().findFirst();
    }

    @Override
    public boolean update(Improvement i, long expectedVersion) {
        return bind(handle.createUpdate("UPDATE improvements SET problem = :problem, root_cause = :rootCause, "
                + "measures = :measures, department_id = :departmentId, owner_id = :ownerId, "
                + "planned_date = :plannedDate, completed_date = :completedDate, customer_ids = :customerIds, "
                + "ticket_ids = :ticketIds, notes = :notes, state = :state, updated_at = :updatedAt, "
                + "version = :version WHERE id = :id AND version = :expectedVersion"), i)
                .bind("expectedVersion", expectedVersion)
                .execute() == 1;
    }

    @Override
    public void addVerification(ImprovementId id, Verification v) {
        handle.createUpdate("INSERT INTO improvement_verifications (improvement_id, customer_id, score, note, "
                        + "recorded_by, recorded_at) VALUES (:id, :customerId, :score, :note, :recordedBy, :at)")
                .bind("id", id.value())
                .bind("customerId", v.customerId().map(CustomerId::value).orElse(null))
                .bind("score", v.score())
                .bind("note", v.note().orElse(null))
                .bind("recordedBy", v.recordedBy().value())
                .bind("at", instant(v.recordedAt()))
                .execute();
    }

    @Override
    public List<Improvement> list(ImprovementFilter filter, Optional<ImprovementId> after, int limit) {
        var conditions = new ArrayList<String>();
        var bindings = new ArrayList<Consumer<SqlStatement<?>>>();
        filter.state().ifPresent(state -> {
            conditions.add("state = :state");
            bindings.add(q -> q.bind("state", state.name()));
        });
        filter.departmentId().ifPresent(department -> {
            conditions.add("department_id = :departmentId");
            bindings.add(q -> q.bind("departmentId", department.value()));
        });
        filter.ownerId().ifPresent(owner -> {
            conditions.add("owner_id = :ownerId");
            bindings.add(q -> q.bind("ownerId", owner.value()));
        });
        // Ids are generated in time order, so "older than the previous page's last" is a string comparison.
        after.ifPresent(id -> {
            conditions.add("id < :after");
            bindings.add(q -> q.bind("after", id.value()));
        });
        var query = handle.createQuery("SELECT " + COLUMNS + " FROM improvements"
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + " ORDER BY id DESC LIMIT :limit");
        bindings.forEach(binding -> binding.accept(query));
        return withVerifications(query.bind("limit", limit).map((rs, ctx) -> row(rs)).list());
    }

    private <S extends SqlStatement<S>> S bind(S statement, Improvement i) {
        return statement
                .bind("id", i.id().value())
                .bind("problem", i.problem())
                .bind("rootCause", i.rootCause().name())
                .bind("measures", i.measures())
                .bind("departmentId", i.departmentId().value())
                .bind("ownerId", i.ownerId().value())
                .bind("plannedDate", date(i.plannedDate()))
                .bind("completedDate", date(i.completedDate()))
                .bind("customerIds", json.strings(i.customerIds().stream().map(CustomerId::value).toList()))
                .bind("ticketIds", json.strings(i.ticketIds().stream().map(TicketId::value).toList()))
                .bind("notes", i.notes().orElse(null))
                .bind("state", i.state().name())
                .bind("updatedAt", instant(i.updatedAt()))
                .bind("version", i.version());
    }

    /** The rows with their verifications, read in one query for all of them. */
    private List<Improvement> withVerifications(List<Improvement> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        var byImprovement = new HashMap<String, List<Verification>>();
        handle.createQuery("SELECT improvement_id, customer_id, score, note, recorded_by, recorded_at "
                        + "FROM improvement_verifications WHERE improvement_id IN (<ids>) ORDER BY position")
                .bindList("ids", rows.stream().map(i -> i.id().value()).toList())
                .map((rs, ctx) -> Map.entry(rs.getString("improvement_id"), new Verification(
                        optionalString(rs, "customer_id").map(CustomerId::of), rs.getInt("score"),
                        optionalString(rs, "note"), UserId.of(rs.getString("recorded_by")),
                        instant(rs, "recorded_at"))))
                .forEach(e -> byImprovement.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return rows.stream().map(i -> i.toBuilder()
                .verifications(byImprovement.getOrDefault(i.id().value(), List.of())).build()).toList();
    }

    private Improvement row(ResultSet rs) throws SQLException {
        return new Improvement(ImprovementId.of(rs.getString("id")), rs.getString("problem"),
                enumValue(rs, "root_cause", RootCause.class), rs.getString("measures"),
                DepartmentId.of(rs.getString("department_id")), UserId.of(rs.getString("owner_id")),
                date(rs, "planned_date"), date(rs, "completed_date"),
                json.strings(rs.getString("customer_ids")).stream().map(CustomerId::of).toList(),
                json.strings(rs.getString("ticket_ids")).stream().map(TicketId::of).toList(), List.of(),
                optionalString(rs, "notes"), enumValue(rs, "state", ImprovementState.class),
                optionalString(rs, "suggestion_id").map(SuggestionId::of), UserId.of(rs.getString("created_by")),
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getLong("version"));
    }
}
