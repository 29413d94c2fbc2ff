package dev.rapport.storage.jdbc;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.customer.InteractionId;
import dev.rapport.api.customer.MaintenanceLevel;
import dev.rapport.api.followup.FollowUp;
import dev.rapport.api.followup.FollowUpId;
import dev.rapport.api.followup.FollowUpKind;
import dev.rapport.api.followup.FollowUpState;
import dev.rapport.api.followup.UnplannedCare;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.storage.Before;
import dev.rapport.api.spi.storage.CareCandidate;
import dev.rapport.api.spi.storage.CarePlanningClaim;
import dev.rapport.api.spi.storage.FollowUpQuery;
import dev.rapport.api.spi.storage.FollowUpStore;
import dev.rapport.api.ticket.TicketId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static dev.rapport.storage.jdbc.JdbcValues.date;
import static dev.rapport.storage.jdbc.JdbcValues.enumValue;
import static dev.rapport.storage.jdbc.JdbcValues.instant;
import static dev.rapport.storage.jdbc.JdbcValues.optionalInstant;
import static dev.rapport.storage.jdbc.JdbcValues.optionalString;

/** Follow-ups in {@code follow_ups}, unique by plan key; {@code next_alarm_at} is derived on every write. */
final class JdbcFollowUpStore implements FollowUpStore {
    private static final String COLUMNS = "id, kind, customer_id, ticket_id, owner_id, department_id, purpose, "
            + "contract_end, due_at, overdue_at, state, due_announced_at, outcome, note, skip_reason, interaction_id, "
            + "created_at, finished_at, finished_by, version";
    private static final String VALUES = ":id, :kind, :customerId, :ticketId, :ownerId, :departmentId, :purpose, "
            + ":contractEnd, :dueAt, :overdueAt, :state, :dueAnnouncedAt, :outcome, :note, :skipReason, "
            + ":interactionId, :createdAt, :finishedAt, :finishedBy, :version";
    private static final String CANDIDATE_COLUMNS = "c.id, c.maintenance_level, c.account_manager_id, "
            + "c.cooperation_since, c.created_at, c.contract_end";
    private static final String CARE_PLANNING = "care-planning";
    private static final String PLAN_KEY_CONSTRAINT = "follow_ups_plan_key_unique";

    private final Handle handle;
    private final Dialect dialect;

    JdbcFollowUpStore(Handle handle, Dialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
    }

    @Override
    public boolean insertIfAbsent(FollowUp followUp, String planKey) {
        // PostgreSQL waits for a concurrent insert of the key and then inserts nothing; H2 reports it as a duplicate,
        // which fails only this statement, not the transaction.
        String conflict = dialect == Dialect.POSTGRESQL ? " ON CONFLICT (plan_key) DO NOTHING" : "";
        var insert = handle.createUpdate("INSERT INTO follow_ups (plan_key, next_alarm_at, " + COLUMNS
                + ") VALUES (:planKey, :nextAlarmAt, " + VALUES + ")" + conflict)
                .bind("planKey", planKey);
        bindRow(insert, followUp);
        try {
            return insert.execute() == 1;
        } catch (UnableToExecuteStatementException e) {
            if (SqlFailures.isUniqueViolation(e, PLAN_KEY_CONSTRAINT)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<FollowUp> find(FollowUpId id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM follow_ups WHERE id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> followUp(rs))
                .findOne();
    }

    @Override
    public Optional<FollowUp> findByPlanKey(String planKey) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM follow_ups WHERE plan_key = :planKey")
                .bind("planKey", planKey)
                .map((rs, ctx) -> followUp(rs))
                .findOne();
    }

    @Override
    public boolean update(FollowUp followUp, long expectedVersion) {
        var update = handle.createUpdate("UPDATE follow_ups SET kind = :kind, customer_id = :customerId, "
                + "ticket_id = :ticketId, owner_id = :ownerId, department_id = :departmentId, purpose = :purpose, "
                + "contract_end = :contractEnd, due_at = :dueAt, overdue_at = :overdueAt, state = :state, "
                + "due_announced_at = :dueAnnouncedAt, next_alarm_at = :nextAlarmAt, outcome = :outcome, "
                + "note = :note, skip_reason = :skipReason, interaction_id = :interactionId, "
                + "created_at = :createdAt, finished_at = :finishedAt, finished_by = :finishedBy, version = :version "
                + "WHERE id = :id AND version = :expectedVersion")
                .bind("expectedVersion", expectedVersion);
        bindRow(update, followUp);
        return update.execute() == 1;
    }

    @Override
    public List<FollowUp> list(FollowUpQuery query) {
        var where = new ArrayList<String>();
        var bindings = new ArrayList<Consumer<Query>>();
        var filter = query.filter();
        filter.ownerId().ifPresent(owner -> {
            where.add("owner_id = :ownerId");
            bindings.add(q -> q.bind("ownerId", owner.value()));
        });
        if (!filter.states().isEmpty()) {
            where.add("state IN (<states>)");
            bindings.add(q -> q.bindList("states", filter.states().stream().map(Enum::name).sorted().toList()));
        }
        filter.dueBefore().ifPresent(before -> {
            where.add("due_at < :dueBefore");
            bindings.add(q -> q.bind("dueBefore", instant(before)));
        });
        filter.customerId().ifPresent(customer -> {
            where.add("customer_id = :customerId");
            bindings.add(q -> q.bind("customerId", customer.value()));
        });
        filter.ticketId().ifPresent(ticket -> {
            where.add("ticket_id = :ticketId");
            bindings.add(q -> q.bind("ticketId", ticket.value()));
        });
        query.scope().ifPresent(scope -> {
            where.add(scope.department().isPresent() ? "(owner_id = :scopeOwner OR department_id = :scopeDepartment)"
                    : "owner_id = :scopeOwner");
            bindings.add(q -> {
                q.bind("scopeOwner", scope.owner().value());
                scope.department().ifPresent(d -> q.bind("scopeDepartment", d.value()));
            });
        });
        query.after().ifPresent(after -> {
            // The leading bound lets an index on (…, due_at, id) start at the cursor.
            where.add("due_at >= :afterDue AND (due_at > :afterDue OR id > :afterId)");
            bindings.add(q -> q.bind("afterDue", instant(after.dueAt())).bind("afterId", after.id().value()));
        });
        var statement = handle.createQuery("SELECT " + COLUMNS + " FROM follow_ups"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY due_at, id LIMIT :limit");
        bindings.forEach(binding -> binding.accept(statement));
        return statement.bind("limit", query.limit()).map((rs, ctx) -> followUp(rs)).list();
    }

    @Override
    public List<FollowUp> ofCustomer(CustomerId customer, Optional<Before> before, int limit) {
        var query = handle.createQuery("SELECT " + COLUMNS + " FROM follow_ups WHERE customer_id = :customer"
                        + before.map(b -> " AND (due_at < :at OR (due_at = :at AND id < :id))").orElse("")
                        + " ORDER BY due_at DESC, id DESC LIMIT :limit")
                .bind("customer", customer.value())
                .bind("limit", limit);
        before.ifPresent(b -> query.bind("at", instant(b.at())).bind("id", b.id()));
        return query.map((rs, ctx) -> followUp(rs)).list();
    }

    @Override
    public List<FollowUp> dueForAlarm(Instant now, int limit) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM follow_ups WHERE next_alarm_at <= :now "
                        // Both H2 and PostgreSQL skip rows another transaction holds: nodes share the due work.
                        + "ORDER BY next_alarm_at LIMIT :limit " + dialect.lockDueRows())
                .bind("now", instant(now))
                .bind("limit", limit)
                .map((rs, ctx) -> followUp(rs))
                .list();
    }

    @Override
    public List<CareCandidate> dueForMaintenance(MaintenanceLevel level, LocalDate today, int limit) {
        return handle.createQuery("SELECT " + CANDIDATE_COLUMNS + " FROM customers c "
                        + "WHERE c.maintenance_level = :level AND c.maintenance_due_on <= :today "
                        + "AND c.merged_into IS NULL ORDER BY c.maintenance_due_on, c.id LIMIT :limit")
                .bind("level", level.name())
                .bind("today", date(Optional.of(today)))
                .bind("limit", limit)
                .map((rs, ctx) -> candidate(rs))
                .list();
    }

    @Override
    public void maintenanceDueOn(CustomerId customer, LocalDate day) {
        handle.createUpdate("UPDATE customers SET maintenance_due_on = :day WHERE id = :id AND merged_into IS NULL")
                .bind("day", date(Optional.of(day)))
                .bind("id", customer.value())
                .execute();
    }

    @Override
    public CarePlanningClaim claimCarePlanning(String holder, LocalDate day, Instant now, Instant until) {
        int claimed = handle.createUpdate("UPDATE daily_leases SET holder = :holder, held_until = :until "
                        + "WHERE name = :name AND (done_on IS NULL OR done_on < :day) "
                        + "AND (holder IS NULL OR holder = :holder OR held_until <= :now)")
                .bind("holder", holder)
                .bind("until", instant(until))
                .bind("name", CARE_PLANNING)
                .bind("day", date(Optional.of(day)))
                .bind("now", instant(now))
                .execute();
        if (claimed == 1) {
            return CarePlanningClaim.CLAIMED;
        }
        var doneOn = handle.createQuery("SELECT done_on FROM daily_leases WHERE name = :name")
                .bind("name", CARE_PLANNING)
                .map((rs, ctx) -> JdbcValues.date(rs, "done_on"))
                .findOne().flatMap(d -> d);
        return doneOn.filter(done -> !done.isBefore(day)).isPresent() ? CarePlanningClaim.DONE
                : CarePlanningClaim.HELD_ELSEWHERE;
    }

    @Override
    public void finishCarePlanning(String holder, LocalDate day) {
        handle.createUpdate("UPDATE daily_leases SET done_on = :day, holder = NULL, held_until = NULL "
                        + "WHERE name = :name AND holder = :holder")
                .bind("day", date(Optional.of(day)))
                .bind("name", CARE_PLANNING)
                .bind("holder", holder)
                .execute();
    }

    @Override
    public List<CareCandidate> withoutRenewal(LocalDate from, LocalDate to, Optional<CustomerId> after, int limit) {
        // In the order of the contracts' ends: each page walks on along the (contract_end, id) index from where the
        // last one stopped, its leading column bounded by the cursor's own contract end, so a day's pass reads the
        // contracts within the notice once rather than every customer (an order by id alone walked the whole table).
        var query = handle.createQuery("SELECT " + CANDIDATE_COLUMNS + " FROM customers c "
                        + "WHERE c.contract_end >= :from AND c.contract_end <= :to AND c.merged_into IS NULL"
                        + after.map(a -> " AND c.contract_end >= (SELECT a.contract_end FROM customers a WHERE a.id = "
                                + ":after) AND (c.contract_end > (SELECT a.contract_end FROM customers a WHERE a.id = "
                                + ":after) OR c.id > :after)").orElse("")
                        + " AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.customer_id = c.id "
                        + "AND f.kind = 'RENEWAL' AND f.contract_end = c.contract_end) "
                        + "ORDER BY c.contract_end, c.id LIMIT :limit")
                .bind("from", date(Optional.of(from)))
                .bind("to", date(Optional.of(to)))
                .bind("limit", limit);
        after.ifPresent(a -> query.bind("after", a.value()));
        return query.map((rs, ctx) -> candidate(rs)).list();
    }

    @Override
    public int moveCustomer(CustomerId from, CustomerId to) {
        return handle.createUpdate("UPDATE follow_ups SET customer_id = :to WHERE customer_id = :from")
                .bind("from", from.value())
                .bind("to", to.value())
                .execute();
    }

    @Override
    public void recordUnplanned(List<UnplannedCare> causes) {
        handle.createUpdate("DELETE FROM unplanned_care").execute();
        for (var cause : causes) {
            handle.createUpdate("INSERT INTO unplanned_care (kind, cause, customers, example_customer_id, planned_on, "
                            + "recorded_at) VALUES (:kind, :cause, :customers, :example, :plannedOn, :recordedAt)")
                    .bind("kind", cause.kind().name())
                    .bind("cause", cause.cause().name())
                    .bind("customers", cause.customers())
                    .bind("example", cause.exampleCustomer().value())
                    .bind("plannedOn", date(Optional.of(cause.plannedOn())))
                    .bind("recordedAt", instant(cause.recordedAt()))
                    .execute();
        }
    }

    @Override
    public List<UnplannedCare> unplanned() {
        return handle.createQuery("SELECT kind, cause, customers, example_customer_id, planned_on, recorded_at "
                        + "FROM unplanned_care ORDER BY customers DESC, kind, cause")
                .map((rs, ctx) -> new UnplannedCare(FollowUpKind.valueOf(rs.getString("kind")),
                        UnplannedCare.Cause.valueOf(rs.getString("cause")), rs.getLong("customers"),
                        CustomerId.of(rs.getString("example_customer_id")),
                        JdbcValues.date(rs, "planned_on").orElseThrow(),
                        JdbcValues.instant(rs, "recorded_at")))
                .list();
    }

    private static void bindRow(SqlStatement<?> statement, FollowUp f) {
        statement.bind("id", f.id().value())
                .bind("kind", f.kind().name())
                .bind("customerId", f.customerId().value())
                .bind("ticketId", f.ticketId().map(TicketId::value).orElse(null))
                .bind("ownerId", f.ownerId().value())
                .bind("departmentId", f.departmentId().map(DepartmentId::value).orElse(null))
                .bind("purpose", f.purpose())
                .bind("contractEnd", date(f.contractEnd()))
                .bind("dueAt", instant(f.dueAt()))
                .bind("overdueAt", instant(f.overdueAt()))
                .bind("state", f.state().name())
                .bind("dueAnnouncedAt", instant(f.dueAnnouncedAt()))
                .bind("nextAlarmAt", instant(f.nextAlarmAt()))
                .bind("outcome", f.outcome().orElse(null))
                .bind("note", f.note().orElse(null))
                .bind("skipReason", f.skipReason().orElse(null))
                .bind("interactionId", f.interactionId().map(InteractionId::value).orElse(null))
                .bind("createdAt", instant(f.createdAt()))
                .bind("finishedAt", instant(f.finishedAt()))
                .bind("finishedBy", f.finishedBy().map(UserId::value).orElse(null))
                .bind("version", f.version());
    }

    private static FollowUp followUp(ResultSet rs) throws SQLException {
        return FollowUp.builder()
                .id(FollowUpId.of(rs.getString("id")))
                .kind(enumValue(rs, "kind", FollowUpKind.class))
                .customerId(CustomerId.of(rs.getString("customer_id")))
                .ticketId(optionalString(rs, "ticket_id").map(TicketId::of))
                .ownerId(UserId.of(rs.getString("owner_id")))
                .departmentId(optionalString(rs, "department_id").map(DepartmentId::of))
                .purpose(rs.getString("purpose"))
                .contractEnd(date(rs, "contract_end"))
                .dueAt(instant(rs, "due_at"))
                .overdueAt(instant(rs, "overdue_at"))
                .state(enumValue(rs, "state", FollowUpState.class))
                .dueAnnouncedAt(optionalInstant(rs, "due_announced_at"))
                .outcome(optionalString(rs, "outcome"))
                .note(optionalString(rs, "note"))
                .skipReason(optionalString(rs, "skip_reason"))
                .interactionId(optionalString(rs, "interaction_id").map(InteractionId::of))
                .createdAt(instant(rs, "created_at"))
                .finishedAt(optionalInstant(rs, "finished_at"))
                .finishedBy(optionalString(rs, "finished_by").map(UserId::of))
                .version(rs.getLong("version"))
                .build();
    }

    private static CareCandidate candidate(ResultSet rs) throws SQLException {
        return new CareCandidate(CustomerId.of(rs.getString("id")),
                enumValue(rs, "maintenance_level", MaintenanceLevel.class),
                optionalString(rs, "account_manager_id").map(UserId::of), date(rs, "cooperation_since"),
                instant(rs, "created_at"), date(rs, "contract_end"));
    }
}
