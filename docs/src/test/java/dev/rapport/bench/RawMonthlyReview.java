package dev.rapport.bench;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline of {@link KpiBenchmark}: the aggregates behind a monthly review written by hand as plain SQL and read
 * through JDBC, for the month and the one before, in one read-only transaction, with no SDK in between.
 */
final class RawMonthlyReview {
    private static final String OPENED = "SELECT type, channel, count(*) FROM tickets WHERE created_at >= ? "
            + "AND created_at < ? GROUP BY type, channel";
    private static final String RESPONDED = "SELECT count(*), count(*) FILTER (WHERE first_responded_at <= "
            + "first_response_due), percentile_cont(0.5) WITHIN GROUP (ORDER BY first_response_seconds), "
            + "percentile_cont(0.9) WITHIN GROUP (ORDER BY first_response_seconds) FROM tickets "
            + "WHERE first_responded_at >= ? AND first_responded_at < ?";
    private static final String RESOLVED = "SELECT priority, count(*), count(*) FILTER (WHERE resolved_at <= "
            + "created_at + interval '72 hours'), count(*) FILTER (WHERE coalesce(first_responded_at, resolved_at) <= "
            + "first_response_due AND resolved_at <= resolution_due) FROM tickets WHERE resolved_at >= ? "
            + "AND resolved_at < ? GROUP BY priority";
    private static final String JUDGED = "SELECT count(DISTINCT ticket_id), count(DISTINCT ticket_id) FILTER (WHERE "
            + "opinion <> 'SATISFIED') FROM ticket_confirmations WHERE recorded_at >= ? AND recorded_at < ?";
    private static final String NEW_CUSTOMERS = "SELECT count(*), count(*) FILTER (WHERE source = 'REFERRAL') "
            + "FROM customers WHERE created_at >= ? AND created_at < ? AND merged_into IS NULL";
    private static final String RETURNING = "SELECT count(*) FILTER (WHERE before), count(*) FILTER (WHERE before "
            + "AND during) FROM (SELECT customer_id, bool_or(purchased_on < ?) AS before, bool_or(purchased_on >= ?) "
            + "AS during FROM purchases WHERE purchased_on < ? GROUP BY customer_id) b";
    private static final String ANSWERED = "SELECT count(*), count(*) FILTER (WHERE s.overall = 5), "
            + "avg(s.response_speed), avg(s.resolution), avg(s.attitude), avg(s.overall), "
            + "count(*) FILTER (WHERE s.recommend >= 9), count(*) FILTER (WHERE s.recommend <= 6) FROM surveys s "
            + "WHERE s.answered_at >= ? AND s.answered_at < ?";
    private static final Map<String, String> STATEMENTS = Map.of("opened", OPENED, "responded", RESPONDED,
            "resolved", RESOLVED, "judged", JUDGED, "answered", ANSWERED, "new customers", NEW_CUSTOMERS,
            "returning", RETURNING);

    /**
     * Per month (the month first, then the one before) the counts the benchmark compares: opened, first responses
     * and those in time, resolved and those within 72 h, judged and reopened, returning customers and those buying
     * again, new customers and those referred, survey answers and those very satisfied.
     */
    record Figures(List<long[]> months) {
    }

    private RawMonthlyReview() {
    }

    static Figures run(DataSource pool, YearMonth month, ZoneId zone) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            var months = new ArrayList<long[]>();
            for (YearMonth m : List.of(month, month.minusMonths(1))) {
                months.add(figures(connection, m, zone));
            }
            connection.commit();
            connection.setReadOnly(false);
            connection.setAutoCommit(true);
            return new Figures(months);
        }
    }

    private static long[] figures(Connection connection, YearMonth month, ZoneId zone) throws SQLException {
        LocalDate first = month.atDay(1);
        LocalDate next = month.plusMonths(1).atDay(1);
        OffsetDateTime from = at(first.atStartOfDay(zone).toInstant());
        OffsetDateTime to = at(next.atStartOfDay(zone).toInstant());
        long opened = 0;
        Map<String, Long> byType = new HashMap<>();
        try (var statement = window(connection, OPENED, from, to); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                byType.merge(rs.getString(1), rs.getLong(3), Long::sum);
                opened += rs.getLong(3);
            }
        }
        long[] responded = longs(window(connection, RESPONDED, from, to), 2);
        long resolved = 0;
        long fast = 0;
        Map<String, long[]> compliance = new HashMap<>();
        try (var statement = window(connection, RESOLVED, from, to); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                resolved += rs.getLong(2);
                fast += rs.getLong(3);
                compliance.put(rs.getString(1), new long[]{rs.getLong(4), rs.getLong(2)});
            }
        }
        long[] judged = longs(window(connection, JUDGED, from, to), 2);
        long[] answered = longs(window(connection, ANSWERED, from, to), 2);
        long[] created = longs(window(connection, NEW_CUSTOMERS, from, to), 2);
        long[] again = longs(returning(connection, RETURNING, first, next), 2);
        return new long[]{opened, responded[0], responded[1], resolved, fast, judged[0], judged[1], again[0], again[1],
                created[0], created[1], answered[0], answered[1]};
    }

    /** EXPLAIN ANALYZE of each statement for {@code month}: the database's own execution time, in milliseconds. */
    static Map<String, Double> explain(DataSource pool, YearMonth month, ZoneId zone) throws SQLException {
        LocalDate first = month.atDay(1);
        LocalDate next = month.plusMonths(1).atDay(1);
        OffsetDateTime from = at(first.atStartOfDay(zone).toInstant());
        OffsetDateTime to = at(next.atStartOfDay(zone).toInstant());
        var times = new java.util.TreeMap<String, Double>();
        try (Connection connection = pool.getConnection()) {
            for (var entry : STATEMENTS.entrySet()) {
                String sql = "EXPLAIN (ANALYZE) " + entry.getValue();
                var statement = entry.getValue() == RETURNING ? returning(connection, sql, first, next)
                        : window(connection, sql, from, to);
                try (statement; ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        String line = rs.getString(1);
                        if (line.startsWith("Execution Time:")) {
                            times.put(entry.getKey(), Double.parseDouble(line.replaceAll("[^0-9.]", "")));
                        }
                    }
                }
            }
        }
        return times;
    }

    private static PreparedStatement returning(Connection connection, String sql, LocalDate first, LocalDate next)
            throws SQLException {
        var statement = connection.prepareStatement(sql);
        statement.setObject(1, first);
        statement.setObject(2, first);
        statement.setObject(3, next);
        return statement;
    }

    private static PreparedStatement window(Connection connection, String sql, OffsetDateTime from, OffsetDateTime to)
            throws SQLException {
        var statement = connection.prepareStatement(sql);
        statement.setObject(1, from);
        statement.setObject(2, to);
        return statement;
    }

    /** The first {@code count} columns of the single row; closes the statement. */
    private static long[] longs(PreparedStatement statement, int count) throws SQLException {
        try (statement; ResultSet rs = statement.executeQuery()) {
            rs.next();
            var values = new long[count];
            for (int i = 0; i < count; i++) {
                values[i] = rs.getLong(i + 1);
            }
            return values;
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
