package dev.rapport.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.NewUser;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.Tier;
import dev.rapport.core.Rapport;
import dev.rapport.storage.jdbc.testing.DatabaseCoordinates;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.MutableClock;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * One day's care planning at a million customers: loads {@code bench.customers} (default a million) generated customers
 * into the embedded PostgreSQL of the test fixtures, gives them account managers, cooperation dates, contract ends and
 * the next-maintenance day a node planning every day would have left, then times two days of the follow-up scan's care
 * planning at its default pace (pages of 200, a tenth of a second between them): the first day, which also plans the
 * renewal contact of every contract already within the notice, and the ordinary day after it. Not a test: run it with
 * {@code mvn -B -q -Dstyle.color=never -Pbench-care -DskipTests verify -pl docs -am}.
 */
public final class CarePlanningBenchmark {
    private static final int CUSTOMERS = Integer.getInteger("bench.customers", 1_000_000);
    private static final int ACCOUNT_MANAGERS = 40;
    private static final ZoneId BUSINESS = ZoneId.of("Asia/Shanghai");
    /** The first planned day, a Tuesday; the ordinary day measured is the Wednesday after it. */
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 24);
    private static final DepartmentId ACCOUNT_MANAGEMENT = DepartmentId.of("account-management");
    private static final Pattern DONE = Pattern.compile(
            "Care planning of (\\S+) done on this node: (\\d+) contact\\(s\\) planned, (\\d+) customer\\(s\\) read");
    /** A customer's own number from 0 to 2^31, the same at every run: the spread of the care columns below. */
    private static final String H = "abs(hashtext(id)::bigint)";
    /** The day after the maintenance contact a daily planner last planned: spread over one cadence from the day. */
    private static final String DUE = "CASE maintenance_level WHEN 'HIGH' THEN ?::date + (" + H + " % 91)::int "
            + "WHEN 'MEDIUM' THEN ?::date + (" + H + " % 30)::int ELSE maintenance_due_on END";

    /** The statements of the jdbc storage ({@code JdbcFollowUpStore}), for EXPLAIN. */
    private static final String CANDIDATES = "SELECT c.id, c.maintenance_level, c.account_manager_id, "
            + "c.cooperation_since, c.created_at, c.contract_end FROM customers c ";
    private static final String MAINTENANCE_SQL = CANDIDATES + "WHERE c.maintenance_level = ? AND "
            + "c.maintenance_due_on <= ?::date AND c.merged_into IS NULL ORDER BY c.maintenance_due_on, c.id LIMIT 200";
    private static final String RENEWAL_SQL = CANDIDATES + "WHERE c.contract_end >= ?::date AND c.contract_end <= "
            + "?::date AND c.merged_into IS NULL AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.customer_id = c.id "
            + "AND f.kind = 'RENEWAL' AND f.contract_end = c.contract_end) ORDER BY c.contract_end, c.id LIMIT 200";
    private static final String RENEWAL_AFTER_SQL = CANDIDATES + "WHERE c.contract_end >= ?::date AND c.contract_end <= "
            + "?::date AND c.merged_into IS NULL AND c.contract_end >= (SELECT a.contract_end FROM customers a WHERE "
            + "a.id = ?) AND (c.contract_end > (SELECT a.contract_end FROM customers a WHERE a.id = ?) OR c.id > ?) "
            + "AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.customer_id = c.id AND f.kind = 'RENEWAL' "
            + "AND f.contract_end = c.contract_end) ORDER BY c.contract_end, c.id LIMIT 200";

    /** What one day's pass did, from the scan's own log line and the database. */
    private record Pass(LocalDate day, double seconds, long planned, long read, Map<String, Long> followUps) {
    }

    public static void main(String[] args) throws Exception {
        var coordinates = TestDatabase.POSTGRES.fresh();
        var clock = MutableClock.at(FIRST_DAY.atTime(LocalTime.of(10, 0)).atZone(BUSINESS).toInstant());
        var passes = new ArrayList<Pass>();
        var plans = new ArrayList<String>();
        var done = new DoneLines();
        Logger.getLogger("dev.rapport.core.followup.FollowUpScan").addHandler(done);
        String scale;
        try (var pool = pool(coordinates);
             // The benchmark runs the follow-up scan itself (interval zero) to time one pass from start to end;
             // the page size, the pause and the lease are the defaults, the other background scans too.
             var rapport = Rapport.builder().dataSource(pool).clock(clock).followUpScanInterval(Duration.ZERO)
                     .build()) {
            var managers = staff(rapport);
            var generator = new CustomerGenerator(2026);
            // The care columns are written while the indexes are down: an update of a million indexed rows is slow.
            BulkLoad.customers(pool, CUSTOMERS, connection -> {
                generator.load(connection, CUSTOMERS);
                careColumns(connection, managers);
            });
            scale = scale(pool);

            passes.add(pass(rapport, pool, done, FIRST_DAY));
            clock.set(FIRST_DAY.plusDays(1).atTime(LocalTime.of(10, 0)).atZone(BUSINESS).toInstant());
            explain(pool, FIRST_DAY.plusDays(1), plans);
            passes.add(pass(rapport, pool, done, FIRST_DAY.plusDays(1)));
        }
        System.out.println(scale);
        plans.forEach(System.out::println);
        for (var pass : passes) {
            System.out.printf(Locale.ROOT, "care planning of %s: %.1f s in pages of 200 with 0.1 s between them, "
                            + "%,d customers read of %,d (%.2f %%), %,d contacts planned; follow-ups then %s%n",
                    pass.day(), pass.seconds(), pass.read(), CUSTOMERS, 100.0 * pass.read() / CUSTOMERS, pass.planned(),
                    pass.followUps());
        }
        System.out.println("background: the follow-up scan runs only when this benchmark says (interval zero), so that "
                + "one day's pass is timed from its start to its end; its page, pause and lease are the defaults, and the "
                + "SLA scan, the readings' back-fill and event delivery run at their defaults");
        var day = passes.getLast();
        System.out.printf(Locale.ROOT, "care-planning day-s=%.1f read=%d of=%d%n", day.seconds(), day.read(),
                CUSTOMERS);
        System.exit(0); // the embedded PostgreSQL stops in its shutdown hook
    }

    /** Times one day's pass, which {@code runDueWork} runs to its end on this thread. */
    private static Pass pass(Rapport rapport, DataSource pool, DoneLines done, LocalDate day) throws SQLException {
        long start = System.nanoTime();
        rapport.runDueWork();
        double seconds = (System.nanoTime() - start) / 1e9;
        var line = done.of(day);
        var followUps = new TreeMap<String, Long>();
        try (var connection = pool.getConnection(); var statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT kind, COUNT(*) FROM follow_ups GROUP BY kind")) {
            while (rs.next()) {
                followUps.put(rs.getString(1), rs.getLong(2));
            }
        }
        return new Pass(day, seconds, Long.parseLong(line.group(2)), Long.parseLong(line.group(3)), followUps);
    }

    /** A supervisor and {@value #ACCOUNT_MANAGERS} account managers in account management, created through the SDK. */
    private static List<String> staff(Rapport rapport) {
        var actor = Actor.system();
        rapport.users().create(actor, new NewUser("S0001", "Bench supervisor", ACCOUNT_MANAGEMENT,
                Set.of(Role.SUPERVISOR), Tier.FRONT_LINE, "bench-password-s1"));
        var managers = new ArrayList<String>();
        for (int i = 1; i <= ACCOUNT_MANAGERS; i++) {
            managers.add(rapport.users().create(actor, new NewUser("A%04d".formatted(i), "Bench manager " + i,
                    ACCOUNT_MANAGEMENT, Set.of(Role.ACCOUNT_MANAGER), Tier.FRONT_LINE, "bench-password-a" + i))
                    .id().value());
        }
        return managers;
    }

    /**
     * Every customer gets an account manager and the care columns a node planning every day would have left before
     * {@link #FIRST_DAY}: HIGH and MEDIUM customers are next due on a day spread over their cadence (a quarter, a
     * month) from the first day, their cooperation starting whole cadences before it; six in ten have a contract
     * ending within two years.
     */
    private static void careColumns(Connection connection, List<String> managers) throws SQLException {
        try (var update = connection.prepareStatement("UPDATE customers SET "
                + "account_manager_id = (?::varchar[])[(1 + " + H + " % ?)::int], "
                + "maintenance_due_on = " + DUE + ", "
                + "cooperation_since = CASE maintenance_level "
                + "WHEN 'HIGH' THEN (" + DUE + " - 1 - make_interval(months => 3 * (1 + (" + H + " / 91 % 8)::int)))"
                + "::date WHEN 'MEDIUM' THEN (" + DUE + " - 1 - make_interval(months => 1 + (" + H + " / 30 % 24)"
                + "::int))::date ELSE ?::date - (" + H + " % 1000)::int END, "
                + "contract_end = CASE WHEN " + H + " % 10 < 6 THEN ?::date + (" + H + " / 10 % 730)::int END")) {
            var first = Date.valueOf(FIRST_DAY);
            int i = 1;
            update.setArray(i++, connection.createArrayOf("varchar", managers.toArray()));
            update.setInt(i++, managers.size());
            for (int due = 0; due < 3; due++) {
                update.setDate(i++, first);
                update.setDate(i++, first);
            }
            update.setDate(i++, first);
            update.setDate(i, first);
            update.executeUpdate();
        }
    }

    /** The customers by maintenance level, and how many of them have a contract end. */
    private static String scale(DataSource pool) throws SQLException {
        try (var connection = pool.getConnection(); var statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT maintenance_level, COUNT(*), "
                     + "COUNT(*) FILTER (WHERE contract_end IS NOT NULL) FROM customers GROUP BY maintenance_level "
                     + "ORDER BY maintenance_level")) {
            var levels = new ArrayList<String>();
            while (rs.next()) {
                levels.add("%s %,d (%,d with a contract end)".formatted(rs.getString(1), rs.getLong(2), rs.getLong(3)));
            }
            return "customers by maintenance level: " + String.join(", ", levels);
        }
    }

    /**
     * EXPLAIN ANALYZE of the pass's first page of each kind on {@code day}, and of a later page of the renewals; fails
     * on a sequential scan of customers or a walk of their primary key.
     */
    private static void explain(DataSource pool, LocalDate day, List<String> lines) throws SQLException {
        var statements = new LinkedHashMap<String, String>();
        String today = "'" + day + "'";
        statements.put("maintenance HIGH", MAINTENANCE_SQL.replaceFirst("\\?", "'HIGH'").replaceFirst("\\?", today));
        statements.put("maintenance MEDIUM",
                MAINTENANCE_SQL.replaceFirst("\\?", "'MEDIUM'").replaceFirst("\\?", today));
        String until = "'" + day.plusDays(30) + "'";
        statements.put("renewal", RENEWAL_SQL.replaceFirst("\\?", today).replaceFirst("\\?", until));
        lines.add("plans of the pages of " + day + " (EXPLAIN ANALYZE before the pass):");
        try (var connection = pool.getConnection(); var statement = connection.createStatement()) {
            // A later page of the renewals: after the 5,000th contract within the notice.
            try (var rs = statement.executeQuery("SELECT id FROM customers WHERE contract_end >= " + today
                    + " AND contract_end <= " + until + " ORDER BY contract_end, id OFFSET 5000 LIMIT 1")) {
                if (rs.next()) {
                    String after = "'" + rs.getString(1) + "'";
                    statements.put("renewal, later", RENEWAL_AFTER_SQL.replaceFirst("\\?", today)
                            .replaceFirst("\\?", until).replaceFirst("\\?", after).replaceFirst("\\?", after)
                            .replaceFirst("\\?", after));
                }
            }
            for (var entry : statements.entrySet()) {
                var text = new ArrayList<String>();
                try (var rs = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + entry.getValue())) {
                    while (rs.next()) {
                        text.add(rs.getString(1));
                    }
                }
                if (text.stream().anyMatch(line -> line.contains("Seq Scan on customers")
                        || line.contains("Index Scan using customers_pkey on customers c"))) {
                    throw new IllegalStateException("the care planning reads every customer: " + String.join("\n", text));
                }
                String scan = text.stream().filter(line -> line.contains("Index") && line.contains("customers c"))
                        .findFirst().orElse(text.getFirst()).strip().replaceFirst("^->\\s*", "");
                String time = text.stream().filter(line -> line.startsWith("Execution Time")).findFirst().orElse("");
                lines.add("  %-19s %s; %s".formatted(entry.getKey() + ":", scan, time));
            }
        }
    }

    private static HikariDataSource pool(DatabaseCoordinates db) {
        var config = new HikariConfig();
        config.setJdbcUrl(db.url());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    /** The scan's "done" lines, as an operator reads them in the log. */
    private static final class DoneLines extends Handler {
        private final List<String> lines = new ArrayList<>();

        @Override
        public synchronized void publish(LogRecord record) {
            if (record.getMessage() != null && DONE.matcher(record.getMessage()).find()) {
                lines.add(record.getMessage());
            }
        }

        synchronized java.util.regex.Matcher of(LocalDate day) {
            for (var line : lines) {
                var matcher = DONE.matcher(line);
                if (matcher.find() && matcher.group(1).equals(day.toString())) {
                    return matcher;
                }
            }
            throw new IllegalStateException("the care planning of " + day + " did not finish in one pass: " + lines);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
