package dev.rapport.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rapport.api.Page;
import dev.rapport.api.PageRequest;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.NewUser;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.Tier;
import dev.rapport.api.security.UserId;
import dev.rapport.api.sla.SlaPolicy;
import dev.rapport.api.spi.PluginConfig;
import dev.rapport.api.spi.PluginContext;
import dev.rapport.api.spi.storage.Storage;
import dev.rapport.api.ticket.SlaWatch;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketFilter;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.core.Rapport;
import dev.rapport.storage.jdbc.JdbcStorageFactory;
import dev.rapport.storage.jdbc.testing.DatabaseCoordinates;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The SLA engine at a million open tickets on the embedded PostgreSQL of the test fixtures: the monitor's scan for due
 * alarms and its at-risk list, each beside the same statement run raw with JDBC in the same run, and one full
 * {@code runDueWork()} over the due tickets. {@link SlaTicketGenerator} loads the backlog with COPY as of a fixed
 * {@code now} (Wednesday 11:00 in Asia/Shanghai, inside business hours), exactly {@code bench.due} of them with an
 * alarm due. The Rapport runs on that fixed clock with the background scan off, so the benchmark decides when the
 * monitor runs. Not a test: run it with
 * {@code mvn -B -q -Dstyle.color=never -Pbench-sla -DskipTests verify -pl docs -am}.
 */
public final class SlaBenchmark {
    private static final int TICKETS = Integer.getInteger("bench.tickets", 1_000_000);
    private static final int DUE = Integer.getInteger("bench.due", 1_000);
    private static final int AT_RISK = Integer.getInteger("bench.at-risk", 4_000);
    private static final int OVERDUE = Integer.getInteger("bench.overdue", 1_500);
    private static final int CUSTOMERS = Integer.getInteger("bench.customers", 20_000);
    private static final int SCAN_RUNS = Integer.getInteger("bench.scan-runs", 20);
    private static final int LIST_SAMPLES = Integer.getInteger("bench.list-samples", 300);
    /** A walk through the at-risk list: the first page, then this many more through the cursor. */
    private static final int PAGES = 5;
    private static final int PAGE = PageRequest.DEFAULT_LIMIT;
    private static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");

    /** The statements of the jdbc storage ({@code JdbcTicketStore}), for the raw baseline and EXPLAIN. */
    private static final String COLUMNS = "id, number, customer_id, contact_id, type, title, description, priority, "
            + "urgent, important, channel, status, department_id, assignee_id, first_response_due, resolution_due, "
            + "next_update_due, sla_paused_since, related_ticket_ids, resolution_solution, resolution_via, resolved_by, "
            + "resolved_at, created_by, created_at, updated_at, first_responded_at, closed_at, version, escalation, "
            + "owner_id, sla_calendar, sla_update_cadence, first_response_warn_at, resolution_warn_at, "
            + "next_update_warn_at, sla_running, sla_raised, sla_next_alarm_at, sla_due_at, sla_warn_at";
    private static final String SCAN_SQL = "SELECT " + COLUMNS + " FROM tickets WHERE sla_next_alarm_at <= ? "
            + "ORDER BY sla_next_alarm_at LIMIT ? FOR UPDATE SKIP LOCKED";
    private static final String AT_RISK_SQL = "SELECT " + COLUMNS + " FROM tickets WHERE sla_due_at > ? AND "
            + "sla_warn_at <= ? ORDER BY sla_due_at, id LIMIT ?";
    private static final String AT_RISK_AFTER_SQL = "SELECT " + COLUMNS + " FROM tickets WHERE sla_due_at > ? AND "
            + "sla_warn_at <= ? AND sla_due_at >= ? AND (sla_due_at > ? OR (sla_due_at = ? AND id > ?)) "
            + "ORDER BY sla_due_at, id LIMIT ?";

    /** Thrown to roll the scan's transaction back: it locks the due tickets and must leave them as they were. */
    private static final class Rollback extends RuntimeException {
        final int found;

        Rollback(int found) {
            super(null, null, false, false);
            this.found = found;
        }
    }

    public static void main(String[] args) throws Exception {
        var coordinates = TestDatabase.POSTGRES.fresh();
        var clock = Clock.fixed(NOW, ZoneOffset.UTC);
        var lines = new ArrayList<String>();
        double scanMedian;
        double atRiskP95;
        try (var pool = pool(coordinates);
             var rapport = Rapport.builder().dataSource(pool).clock(clock).slaScanInterval(Duration.ZERO).build();
             var storage = storage(pool, clock)) {
            if (!rapport.slaSettings().policy(Actor.system()).equals(SlaPolicy.defaults())) {
                throw new IllegalStateException("the generator assumes SPEC §5's default SLA policy");
            }
            var staff = staff(rapport);
            var customers = customers(pool);
            var generator = new SlaTicketGenerator(2026, NOW, customers, staff);
            bulkLoad(pool, connection -> generator.load(connection, TICKETS, DUE, AT_RISK, OVERDUE));
            var counts = counts(pool);
            if (counts.get("due") != DUE) {
                throw new IllegalStateException("expected " + DUE + " tickets due, found " + counts.get("due"));
            }
            System.out.println("as of " + NOW + ": " + counts);
            readBack(rapport, pool, generator.samples());
            explain(pool, lines);

            scanMedian = scan(storage, pool, lines);
            atRiskP95 = atRisk(rapport, pool, counts.get("at risk"), staff, lines);
            processDue(rapport, pool, lines);
        }
        // After the pools are closed, whose logging would otherwise follow it: the headline is the last line.
        System.out.println();
        lines.forEach(System.out::println);
        System.out.println("background: the SLA monitor scans only when this benchmark says (interval zero), so that "
                + "its find and its processing are timed alone; the follow-up scan and event delivery at their defaults");
        System.out.printf(Locale.ROOT, "sla-scan ms=%.1f at-risk-p95_ms=%.1f%n", scanMedian, atRiskP95);
        System.exit(0); // the embedded PostgreSQL stops in its shutdown hook
    }

    /**
     * The scan's find query as the monitor runs it: one transaction calling {@code dueForAlarm(now, DUE)} on the
     * storage SPI, rolled back; beside it the same statement through JDBC, reading every column, rolled back too.
     */
    private static double scan(Storage storage, DataSource pool, List<String> lines) throws SQLException {
        var sdk = new ArrayList<Double>();
        var raw = new ArrayList<Double>();
        int warmUp = 10;
        for (int run = 0; run < warmUp + SCAN_RUNS; run++) {
            boolean sdkFirst = run % 2 == 0;
            double a = sdkFirst ? timeScanSdk(storage) : timeScanRaw(pool);
            double b = sdkFirst ? timeScanRaw(pool) : timeScanSdk(storage);
            if (run >= warmUp) {
                sdk.add(sdkFirst ? a : b);
                raw.add(sdkFirst ? b : a);
            }
        }
        double median = percentile(sdk, 50);
        lines.add("sla-scan: find the " + DUE + " due among " + "%,d".formatted(TICKETS) + " open tickets ("
                + SCAN_RUNS + " runs, rolled back; milliseconds)");
        lines.add(String.format(Locale.ROOT, "  dueForAlarm(now, %d) via the storage SPI  median %6.1f  p95 %6.1f  "
                        + "min %6.1f", DUE, median, percentile(sdk, 95), percentile(sdk, 0)));
        lines.add(String.format(Locale.ROOT, "  same SQL raw through JDBC                 median %6.1f  p95 %6.1f  "
                        + "min %6.1f", percentile(raw, 50), percentile(raw, 95), percentile(raw, 0)));
        lines.add(String.format(Locale.ROOT, "  sdk/raw (median) %.2f", median / percentile(raw, 50)));
        return median;
    }

    private static double timeScanSdk(Storage storage) {
        long start = System.nanoTime();
        int found;
        try {
            storage.inTransaction(tx -> {
                throw new Rollback(tx.tickets().dueForAlarm(NOW, DUE).size());
            });
            throw new IllegalStateException("not rolled back");
        } catch (Rollback rollback) {
            found = rollback.found;
        }
        double ms = (System.nanoTime() - start) / 1e6;
        requireFound(found);
        return ms;
    }

    private static double timeScanRaw(DataSource pool) throws SQLException {
        long start = System.nanoTime();
        int found;
        try (var connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (var statement = connection.prepareStatement(SCAN_SQL)) {
                statement.setObject(1, NOW.atOffset(ZoneOffset.UTC));
                statement.setInt(2, DUE);
                found = readAll(statement);
            }
            connection.rollback();
            connection.setAutoCommit(true);
        }
        double ms = (System.nanoTime() - start) / 1e6;
        requireFound(found);
        return ms;
    }

    private static void requireFound(int found) {
        if (found != DUE) {
            throw new IllegalStateException("the scan found " + found + " due tickets, not " + DUE);
        }
    }

    /**
     * The monitor's at-risk list through the SDK, as an actor who sees every ticket: walks of the first page and
     * {@value #PAGES} - 1 more through the cursor, beside the same statements raw, alternating which goes first.
     */
    private static double atRisk(Rapport rapport, DataSource pool, int atRisk, List<SlaTicketGenerator.Staff> staff,
                                 List<String> lines) throws SQLException {
        var actor = Actor.system();
        var filter = TicketFilter.all().withSla(SlaWatch.AT_RISK);
        var sdkFirstPages = new ArrayList<Double>();
        var sdkAll = new ArrayList<Double>();
        var rawFirstPages = new ArrayList<Double>();
        var rawAll = new ArrayList<Double>();
        int warmUpWalks = 20;
        int walks = warmUpWalks + (LIST_SAMPLES + PAGES - 1) / PAGES;
        List<String> sdkIds = List.of();
        List<String> rawIds = List.of();
        for (int walk = 0; walk < walks; walk++) {
            boolean counts = walk >= warmUpWalks;
            var sdk = new ArrayList<Double>();
            var raw = new ArrayList<Double>();
            var sdkSeen = new ArrayList<String>();
            var rawSeen = new ArrayList<String>();
            if (walk % 2 == 0) {
                walkSdk(rapport, actor, filter, sdk, sdkSeen);
                walkRaw(pool, raw, rawSeen);
            } else {
                walkRaw(pool, raw, rawSeen);
                walkSdk(rapport, actor, filter, sdk, sdkSeen);
            }
            if (counts) {
                sdkFirstPages.add(sdk.getFirst());
                rawFirstPages.add(raw.getFirst());
                sdkAll.addAll(sdk);
                rawAll.addAll(raw);
            }
            sdkIds = sdkSeen;
            rawIds = rawSeen;
        }
        if (!sdkIds.equals(rawIds) || sdkIds.size() != PAGES * PAGE) {
            throw new IllegalStateException("the SDK and the raw statements listed different tickets");
        }
        lines.add("");
        lines.add("at-risk: the monitor's list of " + "%,d".formatted(atRisk) + " at-risk tickets, " + PAGE
                + " a page, first page and " + (PAGES - 1) + " more by cursor (milliseconds)");
        lines.add(String.format("  %-28s %5s | %7s %7s %7s | %7s %7s %7s | %7s", "pages", "calls", "sdk p50", "p95",
                "p99", "raw p50", "p95", "p99", "sdk/raw"));
        lines.add(line("first page", sdkFirstPages, rawFirstPages));
        lines.add(line("all pages (1-" + PAGES + ")", sdkAll, rawAll));
        lines.add("  (sdk/raw compares the p95s)");
        lines.add(wholeList(rapport, actor, filter));
        lines.add(scoped(rapport, staff));
        return percentile(sdkAll, 95);
    }

    /** Not part of the headline: the whole at-risk list read page by page to its end through the SDK, once. */
    private static String wholeList(Rapport rapport, Actor actor, TicketFilter filter) {
        var times = new ArrayList<Double>();
        int tickets = 0;
        Optional<String> cursor = Optional.empty();
        long start = System.nanoTime();
        do {
            var request = cursor.map(c -> PageRequest.after(c, PAGE)).orElse(PageRequest.first(PAGE));
            long pageStart = System.nanoTime();
            var found = rapport.tickets().list(actor, filter, request);
            times.add((System.nanoTime() - pageStart) / 1e6);
            tickets += found.items().size();
            cursor = found.nextCursor();
        } while (cursor.isPresent());
        int slowest = 0;
        for (int i = 1; i < times.size(); i++) {
            slowest = times.get(i) > times.get(slowest) ? i : slowest;
        }
        return String.format(Locale.ROOT, "  the whole list once, to its end: %,d tickets in %d pages, %.0f ms; "
                        + "page p50 %.1f, slowest page %.1f ms (page %d)", tickets, times.size(),
                (System.nanoTime() - start) / 1e6, percentile(times, 50), times.get(slowest), slowest + 1);
    }

    /**
     * Not part of the headline: the first page as an agent, who sees only the tickets of their department and those
     * assigned to them, so the storage adds that scope to the query.
     */
    private static String scoped(Rapport rapport, List<SlaTicketGenerator.Staff> staff) {
        var department = staff.stream().filter(s -> s.department().equals("after-sales")).findFirst().orElseThrow();
        var agent = Actor.of(rapport.users().get(Actor.system(), UserId.of(department.agents().getFirst())));
        var filter = TicketFilter.all().withSla(SlaWatch.AT_RISK);
        var times = new ArrayList<Double>();
        int size = 0;
        for (int i = 0; i < 60; i++) {
            long start = System.nanoTime();
            size = rapport.tickets().list(agent, filter, PageRequest.first(PAGE)).items().size();
            if (i >= 10) {
                times.add((System.nanoTime() - start) / 1e6);
            }
        }
        return String.format(Locale.ROOT, "  first page as an agent of %s (department or own tickets only): "
                        + "%d tickets, p50 %.1f p95 %.1f ms (50 calls)", department.department(), size,
                percentile(times, 50), percentile(times, 95));
    }

    private static void walkSdk(Rapport rapport, Actor actor, TicketFilter filter, List<Double> times,
                                List<String> seen) {
        Optional<String> cursor = Optional.empty();
        for (int page = 0; page < PAGES; page++) {
            var request = cursor.map(c -> PageRequest.after(c, PAGE)).orElse(PageRequest.first(PAGE));
            long start = System.nanoTime();
            Page<Ticket> found = rapport.tickets().list(actor, filter, request);
            times.add((System.nanoTime() - start) / 1e6);
            found.items().forEach(t -> seen.add(t.id().value()));
            cursor = found.nextCursor();
        }
    }

    private static void walkRaw(DataSource pool, List<Double> times, List<String> seen) throws SQLException {
        OffsetDateTime asOf = NOW.atOffset(ZoneOffset.UTC);
        OffsetDateTime afterDue = null;
        String after = null;
        for (int page = 0; page < PAGES; page++) {
            long start = System.nanoTime();
            try (var connection = pool.getConnection()) {
                connection.setAutoCommit(false);
                try (var statement = connection.prepareStatement(after == null ? AT_RISK_SQL : AT_RISK_AFTER_SQL)) {
                    statement.setObject(1, asOf);
                    statement.setObject(2, asOf);
                    int next = 3;
                    if (after != null) {
                        statement.setObject(next++, afterDue);
                        statement.setObject(next++, afterDue);
                        statement.setObject(next++, afterDue);
                        statement.setString(next++, after);
                    }
                    statement.setInt(next, PAGE + 1);
                    var rows = new ArrayList<Object[]>();
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            rows.add(row(rs));
                        }
                    }
                    var last = rows.get(Math.min(rows.size(), PAGE) - 1);
                    after = (String) last[0];
                    afterDue = (OffsetDateTime) last[39];
                    rows.stream().limit(PAGE).forEach(r -> seen.add((String) r[0]));
                }
                connection.commit();
                connection.setAutoCommit(true);
            }
            times.add((System.nanoTime() - start) / 1e6);
        }
    }

    /** Every column of the current row, timestamps as the storage reads them. */
    private static Object[] row(ResultSet rs) throws SQLException {
        var meta = rs.getMetaData();
        var values = new Object[meta.getColumnCount()];
        for (int i = 1; i <= values.length; i++) {
            int type = meta.getColumnType(i);
            values[i - 1] = type == Types.TIMESTAMP || type == Types.TIMESTAMP_WITH_TIMEZONE
                    ? rs.getObject(i, OffsetDateTime.class)
                    : type == Types.BIGINT ? (Object) rs.getLong(i) : type == Types.BIT || type == Types.BOOLEAN
                    ? (Object) rs.getBoolean(i) : rs.getString(i);
        }
        return values;
    }

    private static int readAll(PreparedStatement statement) throws SQLException {
        int rows = 0;
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                row(rs);
                rows++;
            }
        }
        return rows;
    }

    /** One full {@code runDueWork()}: raises every due alarm, escalates breaches, writes audit entries and events. */
    private static void processDue(Rapport rapport, DataSource pool, List<String> lines) throws SQLException {
        long outboxBefore = single(pool, "SELECT count(*) FROM outbox");
        long start = System.nanoTime();
        int raised = rapport.runDueWork();
        double ms = (System.nanoTime() - start) / 1e6;
        if (raised != DUE) {
            throw new IllegalStateException("runDueWork raised alarms on " + raised + " tickets, not " + DUE);
        }
        long left = single(pool, "SELECT count(*) FROM tickets WHERE sla_next_alarm_at <= '" + NOW + "'");
        var events = new LinkedHashMap<String, Long>();
        try (var connection = pool.getConnection(); var statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT event_type, count(*) FROM outbox GROUP BY event_type "
                     + "ORDER BY event_type")) {
            while (rs.next()) {
                events.put(rs.getString(1), rs.getLong(2));
            }
        }
        long audits = single(pool, "SELECT count(*) FROM audit_log WHERE action = 'ticket.sla.alarm'");
        lines.add("");
        lines.add(String.format(Locale.ROOT, "runDueWork(): %d tickets in %.0f ms (%.0f tickets/s), batches of 200; "
                        + "%d still due afterwards; %d events %s, %d audit entries", raised, ms, raised / (ms / 1000),
                left, events.values().stream().mapToLong(Long::longValue).sum() - outboxBefore, events, audits));
    }

    /** EXPLAIN ANALYZE of both statements with the values the SDK binds, and the generic plan PostgreSQL may cache. */
    private static void explain(DataSource pool, List<String> lines) throws SQLException {
        String now = "'" + NOW + "'::timestamptz";
        var plans = new LinkedHashMap<String, String>();
        plans.put("scan", "EXPLAIN (ANALYZE, BUFFERS) " + SCAN_SQL.replaceFirst("\\?", now)
                .replaceFirst("\\?", Integer.toString(DUE)));
        plans.put("at-risk", "EXPLAIN (ANALYZE, BUFFERS) " + AT_RISK_SQL.replaceFirst("\\?", now)
                .replaceFirst("\\?", now).replaceFirst("\\?", Integer.toString(PAGE + 1)));
        // The plan PostgreSQL may cache for the prepared statement after five executions, run with the same values.
        plans.put("scan, generic", "PREPARE scan(timestamptz, int) AS " + SCAN_SQL.replaceFirst("\\?", "\\$1")
                .replaceFirst("\\?", "\\$2") + ";EXPLAIN (ANALYZE, BUFFERS) EXECUTE scan(" + now + ", " + DUE + ")");
        plans.put("at-risk, generic", "PREPARE risk(timestamptz, timestamptz, int) AS " + AT_RISK_SQL
                .replaceFirst("\\?", "\\$1").replaceFirst("\\?", "\\$2").replaceFirst("\\?", "\\$3")
                + ";EXPLAIN (ANALYZE, BUFFERS) EXECUTE risk(" + now + ", " + now + ", " + (PAGE + 1) + ")");
        lines.add("plans (EXPLAIN on the loaded data):");
        try (var connection = pool.getConnection(); var statement = connection.createStatement()) {
            connection.setAutoCommit(false); // the scan's EXPLAIN ANALYZE takes its row locks; rolled back below
            for (var plan : plans.entrySet()) {
                var text = new ArrayList<String>();
                statement.execute("SET LOCAL plan_cache_mode = "
                        + (plan.getKey().endsWith("generic") ? "force_generic_plan" : "auto"));
                for (String sql : plan.getValue().split(";")) {
                    if (statement.execute(sql)) {
                        try (var rs = statement.getResultSet()) {
                            while (rs.next()) {
                                text.add(rs.getString(1));
                            }
                        }
                    }
                }
                System.out.println("EXPLAIN " + plan.getKey() + ":");
                text.forEach(l -> System.out.println("  " + l));
                if (text.stream().anyMatch(l -> l.contains("Seq Scan on tickets"))) {
                    throw new IllegalStateException("PostgreSQL scans the whole tickets table for the " + plan.getKey()
                            + " query");
                }
                String access = text.stream().filter(l -> l.contains(" on tickets")).findFirst().orElse("?").trim();
                String time = text.stream().filter(l -> l.startsWith("Execution Time")).findFirst().orElse("").trim();
                lines.add(String.format("  %-17s %s%s", plan.getKey() + ":", access.replaceFirst("^->\\s*", ""),
                        time.isEmpty() ? "" : "; " + time));
            }
            connection.rollback();
            connection.setAutoCommit(true);
            statement.execute("DEALLOCATE scan");
            statement.execute("DEALLOCATE risk");
        }
        lines.add("");
    }

    /** What was loaded, as the monitor's conditions see it. */
    private static Map<String, Integer> counts(DataSource pool) throws SQLException {
        String now = "'" + NOW + "'";
        var counts = new LinkedHashMap<String, Integer>();
        try (var connection = pool.getConnection(); var statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT count(*), "
                     + "count(*) FILTER (WHERE sla_next_alarm_at <= " + now + "), "
                     + "count(*) FILTER (WHERE sla_due_at > " + now + " AND sla_warn_at <= " + now + "), "
                     + "count(*) FILTER (WHERE sla_due_at <= " + now + "), "
                     + "count(*) FILTER (WHERE status = 'NEW'), count(*) FILTER (WHERE status = 'ASSIGNED'), "
                     + "count(*) FILTER (WHERE status = 'IN_PROGRESS'), "
                     + "count(*) FILTER (WHERE escalation <> 'FRONT_LINE'), "
                     + "count(*) FILTER (WHERE sla_due_at <= " + now + "::timestamptz + interval '1 day'), "
                     + "count(*) FILTER (WHERE resolution_due > " + now + "::timestamptz + interval '7 days') "
                     + "FROM tickets")) {
            rs.next();
            String[] names = {"tickets", "due", "at risk", "overdue", "NEW", "ASSIGNED", "IN_PROGRESS", "escalated",
                    "nearest deadline within a day", "resolution more than a week ahead"};
            for (int i = 0; i < names.length; i++) {
                counts.put(names[i], rs.getInt(i + 1));
            }
        }
        return counts;
    }

    /**
     * Reads the sampled tickets back through the SDK: every column must parse, the SDK's own view of each ticket's
     * SLA (at risk, breached, next alarm, nearest deadline, earliest warning) must match what it was generated as,
     * and the derived columns must be what the SDK derives.
     */
    private static void readBack(Rapport rapport, DataSource pool, List<SlaTicketGenerator.Sample> samples)
            throws SQLException {
        try (var connection = pool.getConnection();
             var statement = connection.prepareStatement("SELECT sla_next_alarm_at, sla_due_at, sla_warn_at "
                     + "FROM tickets WHERE id = ?")) {
            for (var sample : samples) {
                var ticket = rapport.tickets().get(Actor.system(), TicketId.of(sample.id())).ticket();
                var sla = ticket.sla();
                boolean breached = sla.breached().stream().anyMatch(sla.running()::contains);
                boolean atRisk = !sla.atRisk().isEmpty();
                boolean due = sla.nextAlarmAt().filter(at -> !at.isAfter(NOW)).isPresent();
                boolean fits = switch (sample.kind()) {
                    case FINE -> !breached && !atRisk && !due;
                    case AT_RISK -> !breached && atRisk && !due;
                    case OVERDUE -> breached && !due;
                    case DUE -> (breached || atRisk) && due;
                };
                statement.setString(1, sample.id());
                try (var rs = statement.executeQuery()) {
                    rs.next();
                    fits &= Objects.equals(sla.nextAlarmAt().orElse(null), instant(rs, 1))
                            && Objects.equals(sla.nearestDue().orElse(null), instant(rs, 2))
                            && Objects.equals(sla.earliestWarning().orElse(null), instant(rs, 3));
                }
                if (!fits || ticket.status() != sample.status() || ticket.priority() != sample.priority()) {
                    throw new IllegalStateException("ticket " + ticket.number() + " generated as " + sample
                            + " reads back as " + ticket);
                }
            }
        }
        System.out.println("read " + samples.size() + " tickets back through rapport.tickets().get(): each as generated");
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A supervisor, two experts and six agents in each default department, created through the SDK. */
    private static List<SlaTicketGenerator.Staff> staff(Rapport rapport) {
        var staff = new ArrayList<SlaTicketGenerator.Staff>();
        var actor = Actor.system();
        int n = 0;
        for (var department : rapport.departments().list(actor)) {
            DepartmentId id = department.id();
            var agents = new ArrayList<String>();
            for (int i = 0; i < 9; i++) {
                Set<Role> roles = i == 0 ? Set.of(Role.SUPERVISOR) : i < 3 ? Set.of(Role.EXPERT)
                        : Set.of(Role.AGENT);
                Tier tier = i > 0 && i < 3 ? Tier.EXPERT : Tier.FRONT_LINE;
                var user = rapport.users().create(actor, new NewUser("E%05d".formatted(++n),
                        "Bench " + id.value() + " " + i, id, roles, tier, "bench-password-" + n));
                if (roles.contains(Role.AGENT)) {
                    agents.add(user.id().value());
                }
            }
            staff.add(new SlaTicketGenerator.Staff(id.value(), agents));
        }
        System.out.println("created " + n + " users in " + staff.size() + " departments");
        return staff;
    }

    /** {@link #CUSTOMERS} customers from the customer-search generator, and the first contact of each. */
    private static List<SlaTicketGenerator.Customer> customers(DataSource pool) throws SQLException {
        var customers = new ArrayList<SlaTicketGenerator.Customer>();
        try (var connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            new CustomerGenerator(7).load(connection, CUSTOMERS);
            // The day's care planning is done, as on a node that has run for a while: runDueWork() below times the
            // SLA monitor's work, not a first care pass over every customer (CarePlanningBenchmark times that).
            try (var statement = connection.createStatement()) {
                statement.execute("UPDATE customers SET maintenance_due_on = DATE '2026-11-26'");
            }
            connection.commit();
            connection.setAutoCommit(true);
            try (var statement = connection.createStatement();
                 var rs = statement.executeQuery("SELECT c.id, (SELECT k.id FROM contacts k WHERE k.customer_id = "
                         + "c.id ORDER BY k.position LIMIT 1) FROM customers c ORDER BY c.code")) {
                while (rs.next()) {
                    customers.add(new SlaTicketGenerator.Customer(rs.getString(1), rs.getString(2)));
                }
            }
            try (var statement = connection.createStatement()) {
                statement.execute("ANALYZE customers");
                statement.execute("ANALYZE contacts");
            }
        }
        return customers;
    }

    @FunctionalInterface
    private interface Load {
        void into(Connection connection) throws SQLException;
    }

    /**
     * Loads the way one loads a million rows: the tickets indexes the migrations made are dropped (their definitions
     * kept), the rows copied in without the foreign-key triggers (the generator names only customers that exist),
     * the same indexes built again and the table vacuumed and analysed; the ticket number sequence continues after.
     */
    private static void bulkLoad(DataSource dataSource, Load load) throws SQLException {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            var names = new ArrayList<String>();
            var definitions = new ArrayList<String>();
            try (var rs = statement.executeQuery("SELECT indexname, indexdef FROM pg_indexes "
                    + "WHERE tablename = 'tickets' AND indexname NOT IN (SELECT conname FROM pg_constraint)")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                    definitions.add(rs.getString(2));
                }
            }
            connection.setAutoCommit(false);
            for (var name : names) {
                statement.execute("DROP INDEX " + name);
            }
            statement.execute("SET LOCAL session_replication_role = replica");
            long start = System.nanoTime();
            load.into(connection);
            connection.commit();
            System.out.printf("loaded %,d tickets in %.0f s%n", TICKETS, (System.nanoTime() - start) / 1e9);

            connection.setAutoCommit(true);
            start = System.nanoTime();
            statement.execute("SET maintenance_work_mem = '512MB'");
            for (var definition : definitions) {
                statement.execute(definition);
            }
            statement.execute("VACUUM ANALYZE tickets");
            statement.execute("SELECT setval('ticket_number_seq', " + TICKETS + ")");
            System.out.printf("built %s in %.0f s%n", String.join(", ", names), (System.nanoTime() - start) / 1e9);
            try (var rs = statement.executeQuery("SELECT pg_size_pretty(pg_total_relation_size('tickets')), "
                    + "pg_size_pretty(pg_relation_size('tickets_sla_next_alarm')), "
                    + "pg_size_pretty(pg_relation_size('tickets_sla_due_warn')), current_setting('shared_buffers')")) {
                rs.next();
                System.out.printf("tickets %s with their indexes (tickets_sla_next_alarm %s, tickets_sla_due_warn %s); "
                        + "shared_buffers %s%n", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
            }
        }
    }

    private static long single(DataSource pool, String sql) throws SQLException {
        try (var connection = pool.getConnection(); var statement = connection.createStatement();
             var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The storage SPI the SDK's monitor runs on, over the same pool: the jdbc storage as the SDK creates it. */
    private static Storage storage(DataSource pool, Clock clock) {
        return new JdbcStorageFactory().create(new PluginContext() {
            @Override
            public String instanceName() {
                return "bench";
            }

            @Override
            public PluginConfig config() {
                return PluginConfig.of("bench", Map.of(), Set.of());
            }

            @Override
            public Clock clock() {
                return clock;
            }

            @Override
            public <T> Optional<T> hostObject(Class<T> type) {
                return type == DataSource.class ? Optional.of(type.cast(pool)) : Optional.empty();
            }
        });
    }

    private static String line(String name, List<Double> sdk, List<Double> raw) {
        return String.format(Locale.ROOT, "  %-28s %5d | %7.1f %7.1f %7.1f | %7.1f %7.1f %7.1f | %7.2f", name,
                sdk.size(), percentile(sdk, 50), percentile(sdk, 95), percentile(sdk, 99), percentile(raw, 50),
                percentile(raw, 95), percentile(raw, 99), percentile(sdk, 95) / percentile(raw, 95));
    }

    /** The nearest-rank percentile; 0 gives the minimum. */
    private static double percentile(List<Double> values, int percent) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    private static HikariDataSource pool(DatabaseCoordinates db) {
        var config = new HikariConfig();
        config.setJdbcUrl(db.url());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }
}
