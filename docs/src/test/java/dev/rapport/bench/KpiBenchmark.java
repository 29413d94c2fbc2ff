package dev.rapport.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rapport.api.report.Kpis;
import dev.rapport.api.report.MonthlyReview;
import dev.rapport.api.security.Actor;
import dev.rapport.core.Rapport;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The monthly review over a year of a large service on the embedded PostgreSQL of the test fixtures:
 * {@code bench.tickets} tickets opened through 2026 (first responses, resolutions, customers' judgements),
 * {@code bench.customers} customers, {@code bench.purchases} purchases and {@code bench.answers} survey answers, written by the database itself from
 * {@code generate_series} with a fixed seed. {@code Rapport.reports().monthly(…)} for November 2026 is timed beside the
 * same aggregates as plain SQL through JDBC, alternating which goes first, after checking that both agree. Not a test:
 * run it with {@code mvn -B -q -Dstyle.color=never -Pbench-kpi -DskipTests verify -pl docs -am}.
 */
public final class KpiBenchmark {
    private static final int TICKETS = Integer.getInteger("bench.tickets", 1_000_000);
    private static final int CUSTOMERS = Integer.getInteger("bench.customers", 50_000);
    private static final int PURCHASES = Integer.getInteger("bench.purchases", 200_000);
    private static final int ANSWERS = Integer.getInteger("bench.answers", 200_000);
    private static final int RUNS = Integer.getInteger("bench.runs", 20);
    private static final YearMonth MONTH = YearMonth.of(2026, 11);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");

    private KpiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        var coordinates = TestDatabase.POSTGRES.fresh();
        var lines = new ArrayList<String>();
        double sdkMedian;
        double rawMedian;
        try (var pool = pool(coordinates.url(), coordinates.user(), coordinates.password());
             // Every background scan at its default interval, as on a node in production.
             var rapport = Rapport.builder().dataSource(pool).clock(Clock.fixed(NOW, ZoneOffset.UTC)).zone(ZONE)
                     .build()) {
            generate(pool);
            var review = rapport.reports().monthly(Actor.system(), MONTH, Optional.empty());
            var raw = RawMonthlyReview.run(pool, MONTH, ZONE);
            check(review, raw);
            lines.add("monthly review " + MONTH + ": " + "%,d".formatted(review.kpis().ticketsOpened())
                    + " tickets opened (" + "%,d".formatted(review.previousMonth().ticketsOpened()) + " the month before), "
                    + review.weakPoints().size() + " weak points; SDK and raw SQL agree on every ticket and customer count");
            var sdk = new ArrayList<Double>();
            var rawTimes = new ArrayList<Double>();
            int warmUp = 5;
            for (int run = 0; run < warmUp + RUNS; run++) {
                boolean sdkFirst = run % 2 == 0;
                double a = sdkFirst ? timeSdk(rapport) : timeRaw(pool);
                double b = sdkFirst ? timeRaw(pool) : timeSdk(rapport);
                if (run >= warmUp) {
                    sdk.add(sdkFirst ? a : b);
                    rawTimes.add(sdkFirst ? b : a);
                }
            }
            sdkMedian = percentile(sdk, 50);
            rawMedian = percentile(rawTimes, 50);
            lines.add(String.format(Locale.ROOT, "  reports().monthly(…) through the SDK   median %7.1f  p95 %7.1f  "
                    + "min %7.1f ms (%d runs)", sdkMedian, percentile(sdk, 95), percentile(sdk, 0), RUNS));
            lines.add(String.format(Locale.ROOT, "  the same aggregates raw through JDBC   median %7.1f  p95 %7.1f  "
                    + "min %7.1f ms", rawMedian, percentile(rawTimes, 95), percentile(rawTimes, 0)));
            var explained = new StringBuilder("  PostgreSQL's execution time per statement for " + MONTH + " (ms):");
            RawMonthlyReview.explain(pool, MONTH, ZONE).forEach((name, ms) ->
                    explained.append(String.format(Locale.ROOT, " %s %.1f;", name, ms)));
            lines.add(explained.toString());
        }
        System.out.println();
        lines.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "monthly-review ms=%.1f sdk/raw=%.2f%n", sdkMedian, sdkMedian / rawMedian);
        System.exit(0); // the embedded PostgreSQL stops in its shutdown hook
    }

    private static double timeSdk(Rapport rapport) {
        long start = System.nanoTime();
        rapport.reports().monthly(Actor.system(), MONTH, Optional.empty());
        return (System.nanoTime() - start) / 1e6;
    }

    private static double timeRaw(DataSource pool) throws SQLException {
        long start = System.nanoTime();
        RawMonthlyReview.run(pool, MONTH, ZONE);
        return (System.nanoTime() - start) / 1e6;
    }

    /** The SDK's figures must be the raw SQL's, or the timing compares different work. */
    private static void check(MonthlyReview review, RawMonthlyReview.Figures raw) {
        var months = List.of(review.kpis(), review.previousMonth());
        for (int i = 0; i < 2; i++) {
            Kpis kpis = months.get(i);
            var expected = raw.months().get(i);
            var actual = new long[]{kpis.ticketsOpened(), kpis.firstResponse().withinTarget().total(),
                    kpis.firstResponse().withinTarget().hits(), kpis.resolvedWithin72h().total(),
                    kpis.resolvedWithin72h().hits(), kpis.reopened().total(), kpis.reopened().hits(),
                    kpis.repeatPurchase().total(), kpis.repeatPurchase().hits(), kpis.referral().total(),
                    kpis.referral().hits(), kpis.survey().answers(), kpis.survey().verySatisfied().hits()};
            if (!java.util.Arrays.equals(actual, expected)) {
                throw new IllegalStateException("the SDK and the raw SQL disagree: " + java.util.Arrays.toString(actual)
                        + " vs " + java.util.Arrays.toString(expected));
            }
        }
    }

    /**
     * Customers, purchases, then the year's tickets, judgements and survey answers, each one INSERT … SELECT in the
     * database.
     */
    private static void generate(DataSource pool) throws SQLException {
        long start = System.nanoTime();
        try (Connection connection = pool.getConnection(); var statement = connection.createStatement()) {
            statement.execute("SELECT setseed(0.42)");
            // A 1–5 score, mostly 4 and 5.
            statement.execute("CREATE FUNCTION s() RETURNS smallint LANGUAGE sql VOLATILE AS "
                    + "'SELECT (ARRAY[1,2,3,3,4,4,4,5,5,5])[1 + floor(random() * 10)::int]::smallint'");
            // maintenance_due_on: the day's care planning is done, as on a node that has run for a while, so the
            // follow-up scan (at its default interval) does not plan 50,000 customers during the timed rounds.
            statement.execute("INSERT INTO customers (id, code, kind, name, industry, source, segment, maintenance_level, "
                    + "maintenance_due_on, key_account, tags, created_at, updated_at, version) SELECT 'bc-' || g, "
                    + "'BC' || lpad(g::text, 8, '0'), 'ORGANIZATION', 'Bench customer ' || g, 'Retail', "
                    + "(ARRAY['WEB','PHONE','REFERRAL','CAMPAIGN','EXHIBITION'])[1 + floor(random() * 5)::int], "
                    + "'RETURNING', 'MEDIUM', DATE '2026-12-03', false, '[]', c, c, 1 "
                    + "FROM (SELECT g, timestamptz '2024-01-01 00:00+08' + random() * interval '1065 days' AS c "
                    + "FROM generate_series(1, " + CUSTOMERS + ") g) s");
            statement.execute("INSERT INTO purchases (id, customer_id, purchased_on, amount, currency, recorded_by, "
                    + "recorded_at) SELECT 'bp-' || g, 'bc-' || (1 + floor(random() * " + CUSTOMERS + ")::int), d, "
                    + "round((100 + random() * 9900)::numeric, 2), 'CNY', 'system', d::timestamptz FROM (SELECT g, "
                    + "date '2025-01-01' + floor(random() * 700)::int AS d FROM generate_series(1, " + PURCHASES
                    + ") g) s");
            // Opened through 2026 in Shanghai time; 90 % answered, waits skewed short; 80 % resolved within five days.
            statement.execute("INSERT INTO tickets (id, number, customer_id, type, description, priority, urgent, "
                    + "important, channel, status, department_id, assignee_id, first_response_due, resolution_due, "
                    + "next_update_due, related_ticket_ids, created_by, created_at, updated_at, version, "
                    + "first_response_warn_at, resolution_warn_at, next_update_warn_at, first_responded_at, "
                    + "first_response_seconds, resolved_at, resolution_solution, resolution_via, resolved_by) "
                    + "SELECT 'bt-' || g, 'B' || lpad(g::text, 10, '0'), 'bc-' || (1 + floor(random() * " + CUSTOMERS
                    + ")::int), t.type, 'Bench ticket', p, p = 'P1', p IN ('P1','P2'), (ARRAY['PHONE','EMAIL','WEB',"
                    + "'CHAT','WALK_IN','PORTAL','OTHER'])[1 + floor(random() * 7)::int], CASE WHEN r IS NULL THEN "
                    + "'IN_PROGRESS' ELSE 'RESOLVED' END, t.department, 'bench-agent-' || floor(random() * 100)::int, "
                    + "c + target, c + interval '48 hours', c + interval '24 hours', '[]', 'system', c, c, 1, "
                    + "c + target * 0.8, c + interval '38 hours', c + interval '20 hours', c + w, "
                    + "CASE WHEN w IS NULL THEN NULL ELSE extract(epoch FROM w)::bigint END, r, "
                    + "CASE WHEN r IS NULL THEN NULL ELSE 'Fixed' END, CASE WHEN r IS NULL THEN NULL ELSE 'PHONE' END, "
                    + "CASE WHEN r IS NULL THEN NULL ELSE 'system' END FROM ("
                    + "SELECT g, c, p, CASE p WHEN 'P1' THEN interval '30 minutes' WHEN 'P3' THEN interval '2 hours' "
                    + "WHEN 'P2' THEN interval '24 hours' ELSE interval '48 hours' END AS target, "
                    + "CASE WHEN random() < 0.9 THEN random() * random() * interval '8 hours' END AS w, "
                    + "CASE WHEN random() < 0.8 THEN c + interval '1 hour' + random() * interval '120 hours' END AS r, "
                    + "1 + floor(random() * 5)::int AS k FROM (SELECT g, timestamptz '2026-01-01 00:00+08' "
                    + "+ random() * interval '365 days' AS c, (ARRAY['P1','P2','P3','P3','P3','P4'])[1 + floor(random() "
                    + "* 6)::int] AS p FROM generate_series(1, " + TICKETS + ") g) o) s "
                    + "JOIN (VALUES (1, 'CONSULTATION', 'customer-service'), (2, 'COMPLAINT', 'after-sales'), "
                    + "(3, 'CHANGE_REQUEST', 'product'), (4, 'AFTER_SALES_SUPPORT', 'technical-support'), "
                    + "(5, 'VALUE_ADDED', 'account-management')) t (k, type, department) ON t.k = s.k");
            statement.execute("INSERT INTO ticket_confirmations (ticket_id, opinion, method, recorded_by, recorded_at) "
                    + "SELECT id, CASE WHEN random() < 0.85 THEN 'SATISFIED' ELSE 'NEEDS_ADJUSTMENT' END, 'PHONE', "
                    + "'system', resolved_at + interval '2 hours' FROM tickets WHERE resolved_at IS NOT NULL "
                    + "AND random() < 0.6");
            // Answers to the surveys of the first closed tickets, a day or two after the judgement, scores skewed high.
            statement.execute("INSERT INTO surveys (id, ticket_id, provider, locale, state, token, created_at, "
                    + "invited_at, expires_at, answered_at, response_speed, resolution, attitude, overall, recommend) "
                    + "SELECT 'bs-' || c.ticket_id, c.ticket_id, 'link', 'zh-CN', 'ANSWERED', 'bench-token-' || "
                    + "c.ticket_id, c.recorded_at, c.recorded_at, c.recorded_at + interval '14 days', c.recorded_at "
                    + "+ interval '1 day' * (1 + random()), s(), s(), s(), s(), least(10, floor(random() * 11 + "
                    + "random() * 3))::int FROM (SELECT DISTINCT ON (ticket_id) ticket_id, recorded_at FROM "
                    + "ticket_confirmations WHERE opinion = 'SATISFIED' ORDER BY ticket_id, recorded_at) c LIMIT "
                    + ANSWERS);
            statement.execute("VACUUM ANALYZE");
            long answers;
            try (var rs = statement.executeQuery("SELECT count(*) FROM surveys")) {
                rs.next();
                answers = rs.getLong(1);
            }
            System.out.printf(Locale.ROOT, "generated %,d tickets, %,d customers, %,d purchases, %,d survey answers "
                    + "in %.0f s%n", TICKETS, CUSTOMERS, PURCHASES, answers, (System.nanoTime() - start) / 1e9);
        }
    }

    /** The nearest-rank percentile; 0 gives the minimum. */
    private static double percentile(List<Double> values, int percent) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    private static HikariDataSource pool(String url, String user, String password) {
        var config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }
}
