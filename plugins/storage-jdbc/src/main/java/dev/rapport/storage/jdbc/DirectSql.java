package dev.rapport.storage.jdbc;

import org.jdbi.v3.core.Handle;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plain JDBC on the transaction's own connection, for the statements every ticket intake runs (insert the ticket, its
 * audit entry and its event, draw its number, look up its customer and type), every ticket read (the ticket and the
 * lists recorded on it) and the customer search (its tiers, through {@link NamedSql}, and the page's contacts). On
 * those, Jdbi's per-statement machinery (a statement context, a copy of its configuration, argument binding,
 * cleanables) costs about as much as the database work itself on H2; docs/benchmarks.md has the figures.
 */
final class DirectSql {
    /** Sets the parameters of a statement. */
    @FunctionalInterface
    interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    /** Reads the current row. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Takes in the current row. */
    @FunctionalInterface
    interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

    private DirectSql() {
    }

    static int update(Handle handle, String sql, Parameters parameters) {
        try (var statement = handle.getConnection().prepareStatement(sql)) {
            parameters.set(statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new DirectSqlException(sql, e);
        }
    }

    static <T> Optional<T> first(Handle handle, String sql, Parameters parameters, Row<T> row) {
        try (var statement = handle.getConnection().prepareStatement(sql)) {
            parameters.set(statement);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(row.read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DirectSqlException(sql, e);
        }
    }

    /** Every row, in the order the statement gives them. */
    static <T> List<T> list(Handle handle, String sql, Parameters parameters, Row<T> row) {
        try (var statement = handle.getConnection().prepareStatement(sql)) {
            parameters.set(statement);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return List.of();
                }
                var rows = new ArrayList<T>();
                do {
                    rows.add(row.read(rs));
                } while (rs.next());
                return rows;
            }
        } catch (SQLException e) {
            throw new DirectSqlException(sql, e);
        }
    }

    /** Reads each row, in the order the statement gives them. */
    static void each(Handle handle, String sql, Parameters parameters, RowConsumer row) {
        try (var statement = handle.getConnection().prepareStatement(sql)) {
            parameters.set(statement);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        } catch (SQLException e) {
            throw new DirectSqlException(sql, e);
        }
    }

    /** An instant as {@code TIMESTAMP WITH TIME ZONE} at UTC, or SQL NULL; the same as {@link JdbcValues#instant}. */
    static void setInstant(PreparedStatement statement, int position, Instant at) throws SQLException {
        if (at == null) {
            statement.setNull(position, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(position, at.atOffset(ZoneOffset.UTC));
        }
    }

    /** A failed statement, with its SQL (never its parameters) and the driver's exception as the cause. */
    static final class DirectSqlException extends RuntimeException {
        DirectSqlException(String sql, SQLException cause) {
            super("Statement failed: " + sql, cause);
        }
    }
}
