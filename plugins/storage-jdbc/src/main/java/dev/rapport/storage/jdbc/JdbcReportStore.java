package dev.rapport.storage.jdbc;

import dev.rapport.api.report.Grouping;
import dev.rapport.api.report.KpiReport;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.spi.storage.ReportStore;
import dev.rapport.api.ticket.IntakeChannel;
import dev.rapport.api.ticket.Priority;
import dev.rapport.api.ticket.TicketId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import static dev.rapport.storage.jdbc.JdbcValues.instant;

/**
 * Report aggregates as a handful of grouped scans over {@code tickets}, {@code ticket_confirmations},
 * {@code surveys}, {@code improvements}, {@code customers} and {@code purchases}, each bounded by an indexed time column. Percentiles are the databases'
 * {@code PERCENTILE_CONT}, which H2 and PostgreSQL compute alike.
 */
final class JdbcReportStore implements ReportStore {
    private final Handle handle;

    JdbcReportStore(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void recordFirstResponseTime(TicketId ticket, Duration businessTime) {
        handle.createUpdate("UPDATE tickets SET first_response_seconds = :seconds WHERE id = :id")
                .bind("seconds", businessTime.toSeconds())
                .bind("id", ticket.value())
                .execute();
    }

    @Override
    public List<TicketTotals> tickets(Instant from, Instant to, Optional<DepartmentId> department,
                                      Optional<Grouping> groupBy) {
        var totals = new TreeMap<String, Builder>();
        collect(totals, new Scope(from, to, department, Optional.empty()));
        groupBy.ifPresent(grouping -> collect(totals, new Scope(from, to, department, Optional.of(grouping))));
        return totals.values().stream().map(Builder::build).toList();
    }

    private void collect(Map<String, Builder> totals, Scope scope) {
        // The overall entry exists even for a window without tickets; groups only where something happened.
        if (scope.groupBy().isEmpty()) {
            totals.computeIfAbsent("", key -> new Builder(Optional.empty()));
        }
        Function<ResultSet, Builder> of = rs -> totals.computeIfAbsent(scope.key(rs),
                key -> new Builder(scope.groupBy().map(g -> key)));
        scope.query(handle, "SELECT " + scope.group() + " AS grp, t.type, t.channel, COUNT(*) AS n FROM tickets t "
                        + "WHERE t.created_at >= :from AND t.created_at < :to" + scope.department()
                        + " GROUP BY " + scope.groupBy("t.type, t.channel"))
                .map((rs, ctx) -> {
                    var totalsOf = of.apply(rs);
                    long n = rs.getLong("n");
                    totalsOf.openedByType.merge(rs.getString("type"), n, Long::sum);
                    totalsOf.openedByChannel.merge(IntakeChannel.valueOf(rs.getString("channel")), n, Long::sum);
                    return n;
                }).list();
        scope.query(handle, "SELECT " + scope.group() + " AS grp, COUNT(*) AS n, "
                        + "SUM(CASE WHEN t.first_responded_at <= t.first_response_due THEN 1 ELSE 0 END) AS in_time, "
                        + "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY t.first_response_seconds) AS median, "
                        + "PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY t.first_response_seconds) AS p90 "
                        + "FROM tickets t WHERE t.first_responded_at >= :from AND t.first_responded_at < :to"
                        + scope.department() + scope.groupByClause())
                .map((rs, ctx) -> {
                    long n = rs.getLong("n");
                    if (n > 0) {
                        var totalsOf = of.apply(rs);
                        totalsOf.firstResponses = n;
                        totalsOf.withinTarget = rs.getLong("in_time");
                        totalsOf.median = seconds(rs, "median");
                        totalsOf.p90 = seconds(rs, "p90");
                    }
                    return n;
                }).list();
        scope.query(handle, "SELECT " + scope.group() + " AS grp, t.priority, COUNT(*) AS n, "
                        + "SUM(CASE WHEN t.resolved_at <= t.created_at + INTERVAL '72' HOUR THEN 1 ELSE 0 END) AS fast, "
                        + "SUM(CASE WHEN COALESCE(t.first_responded_at, t.resolved_at) <= t.first_response_due "
                        + "AND t.resolved_at <= t.resolution_due THEN 1 ELSE 0 END) AS met "
                        + "FROM tickets t WHERE t.resolved_at >= :from AND t.resolved_at < :to" + scope.department()
                        + " GROUP BY " + scope.groupBy("t.priority"))
                .map((rs, ctx) -> {
                    var totalsOf = of.apply(rs);
                    var priority = Priority.valueOf(rs.getString("priority"));
                    totalsOf.resolved.merge(priority, rs.getLong("n"), Long::sum);
                    totalsOf.slaMet.merge(priority, rs.getLong("met"), Long::sum);
                    totalsOf.resolvedWithin72h += rs.getLong("fast");
                    return priority;
                }).list();
        scope.query(handle, "SELECT " + scope.group() + " AS grp, COUNT(DISTINCT c.ticket_id) AS judged, "
                        + "COUNT(DISTINCT CASE WHEN c.opinion <> 'SATISFIED' THEN c.ticket_id END) AS reopened "
                        + "FROM ticket_confirmations c" + scope.joinTickets("c")
                        + " WHERE c.recorded_at >= :from AND c.recorded_at < :to" + scope.department()
                        + scope.groupByClause())
                .map((rs, ctx) -> {
                    long judged = rs.getLong("judged");
                    if (judged > 0) {
                        var totalsOf = of.apply(rs);
                        totalsOf.judged = judged;
                        totalsOf.reopened = rs.getLong("reopened");
                    }
                    return judged;
                }).list();
    }

    @Override
    public List<SurveyTotals> surveys(Instant from, Instant to, Optional<DepartmentId> department,
                                      Optional<Grouping> groupBy) {
        var totals = new TreeMap<String, SurveyTotals>();
        totals.put("", SurveyTotals.none(Optional.empty()));
        var scopes = new ArrayList<Scope>();
        scopes.add(new Scope(from, to, department, Optional.empty()));
        groupBy.ifPresent(grouping -> scopes.add(new Scope(from, to, department, Optional.of(grouping))));
        for (Scope scope : scopes) {
            scope.query(handle, "SELECT " + scope.group() + " AS grp, COUNT(*) AS n, "
                            + "COALESCE(SUM(s.response_speed), 0) AS speed, COALESCE(SUM(s.resolution), 0) AS resolution, "
                            + "COALESCE(SUM(s.attitude), 0) AS attitude, COALESCE(SUM(s.overall), 0) AS overall, "
                            + "SUM(CASE WHEN s.overall = 5 THEN 1 ELSE 0 END) AS five, "
                            + "SUM(CASE WHEN s.recommend >= 9 THEN 1 ELSE 0 END) AS promoters, "
                            + "SUM(CASE WHEN s.recommend <= 6 THEN 1 ELSE 0 END) AS detractors "
                            + "FROM surveys s" + scope.joinTickets("s")
                            + " WHERE s.answered_at >= :from AND s.answered_at < :to" + scope.department()
                            + scope.groupByClause())
                    .map((rs, ctx) -> {
                        long n = rs.getLong("n");
                        if (n > 0) {
                            var group = scope.groupBy().map(g -> scope.key(rs));
                            totals.put(group.orElse(""), new SurveyTotals(group, n, rs.getLong("speed"),
                                    rs.getLong("resolution"), rs.getLong("attitude"), rs.getLong("overall"),
                                    rs.getLong("five"), rs.getLong("promoters"), rs.getLong("detractors")));
                        }
                        return n;
                    }).list();
        }
        return List.copyOf(totals.values());
    }

    @Override
    public ImprovementTotals improvements(Instant from, Instant to, Optional<DepartmentId> department) {
        String inDepartment = department.isPresent() ? " AND i.department_id = :department" : "";
        var open = handle.createQuery("SELECT COUNT(*) FROM improvements i WHERE i.created_at < :to "
                        + "AND i.state <> 'VERIFIED'" + inDepartment)
                .bind("to", instant(to));
        var verified = handle.createQuery("SELECT COUNT(*) AS n, COALESCE(SUM(v.score), 0) AS total "
                        + "FROM improvement_verifications v JOIN improvements i ON i.id = v.improvement_id "
                        + "WHERE v.recorded_at >= :from AND v.recorded_at < :to" + inDepartment)
                .bind("from", instant(from))
                .bind("to", instant(to));
        department.ifPresent(d -> {
            open.bind("department", d.value());
            verified.bind("department", d.value());
        });
        long openCount = open.mapTo(Long.class).one();
        return verified.map((rs, ctx) -> new ImprovementTotals(openCount, rs.getLong("n"), rs.getLong("total"))).one();
    }

    @Override
    public CustomerTotals customers(Instant from, Instant to, LocalDate fromDay, LocalDate toDay) {
        var created = handle.createQuery("SELECT COUNT(*) AS created, "
                        + "SUM(CASE WHEN source = 'REFERRAL' THEN 1 ELSE 0 END) AS referred FROM customers "
                        + "WHERE created_at >= :from AND created_at < :to AND merged_into IS NULL")
                .bind("from", instant(from))
                .bind("to", instant(to))
                .map((rs, ctx) -> new long[]{rs.getLong("created"), rs.getLong("referred")})
                .one();
        // Merging moves a customer's purchases to the survivor, so every purchase belongs to a customer still there.
        var returning = handle.createQuery("SELECT COALESCE(SUM(before), 0) AS returning, "
                        + "COALESCE(SUM(before * during), 0) AS again FROM (SELECT customer_id, "
                        + "MAX(CASE WHEN purchased_on < :fromDay THEN 1 ELSE 0 END) AS before, "
                        + "MAX(CASE WHEN purchased_on >= :fromDay THEN 1 ELSE 0 END) AS during FROM purchases "
                        + "WHERE purchased_on < :toDay GROUP BY customer_id) b")
                .bind("fromDay", JdbcValues.date(Optional.of(fromDay)))
                .bind("toDay", JdbcValues.date(Optional.of(toDay)))
                .map((rs, ctx) -> new long[]{rs.getLong("returning"), rs.getLong("again")})
                .one();
        return new CustomerTotals(returning[0], returning[1], created[0], created[1]);
    }

    /** Whole seconds, rounded half up: percentiles interpolate between recorded waits. */
    private static Optional<Duration> seconds(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return Optional.ofNullable(value).map(v -> Duration.ofSeconds(v.setScale(0, RoundingMode.HALF_UP)
                .longValueExact()));
    }

    /** The window, filter and grouping of one report; every SQL fragment is a constant chosen by enum. */
    private record Scope(Instant from, Instant to, Optional<DepartmentId> departmentId, Optional<Grouping> groupBy) {
        String group() {
            return groupBy.map(g -> switch (g) {
                case DEPARTMENT -> "t.department_id";
                case TYPE -> "t.type";
                case PRIORITY -> "t.priority";
                case AGENT -> "COALESCE(t.assignee_id, '" + KpiReport.Group.UNASSIGNED + "')";
            }).orElse("''");
        }

        /** The join to the tickets of {@code alias}'s rows, when a filter or grouping reads them; else none. */
        String joinTickets(String alias) {
            return departmentId.isPresent() || groupBy.isPresent()
                    ? " JOIN tickets t ON t.id = " + alias + ".ticket_id" : "";
        }

        String department() {
            return departmentId.isPresent() ? " AND t.department_id = :department" : "";
        }

        String groupBy(String columns) {
            return groupBy.isPresent() ? group() + ", " + columns : columns;
        }

        String groupByClause() {
            return groupBy.isPresent() ? " GROUP BY " + group() : "";
        }

        String key(ResultSet rs) {
            try {
                return groupBy.isPresent() ? rs.getString("grp") : "";
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        Query query(Handle handle, String sql) {
            var query = handle.createQuery(sql).bind("from", instant(from)).bind("to", instant(to));
            departmentId.ifPresent(d -> query.bind("department", d.value()));
            return query;
        }
    }

    private static final class Builder {
        private final Optional<String> group;
        private final Map<String, Long> openedByType = new HashMap<>();
        private final Map<IntakeChannel, Long> openedByChannel = new EnumMap<>(IntakeChannel.class);
        private long firstResponses;
        private long withinTarget;
        private Optional<Duration> median = Optional.empty();
        private Optional<Duration> p90 = Optional.empty();
        private final Map<Priority, Long> resolved = new EnumMap<>(Priority.class);
        private long resolvedWithin72h;
        private final Map<Priority, Long> slaMet = new EnumMap<>(Priority.class);
        private long judged;
        private long reopened;

        Builder(Optional<String> group) {
            this.group = group;
        }

        TicketTotals build() {
            return new TicketTotals(group, openedByType, openedByChannel, firstResponses, withinTarget, median, p90,
                    resolved, resolvedWithin72h, slaMet, judged, reopened);
        }
    }
}
