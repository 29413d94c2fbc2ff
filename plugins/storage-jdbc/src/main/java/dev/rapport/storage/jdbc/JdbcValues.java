package dev.rapport.storage.jdbc;

import org.jdbi.v3.core.argument.Argument;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * How times, dates and absent values cross JDBC, in one place. Instants travel as {@link OffsetDateTime} at UTC
 * into {@code TIMESTAMP WITH TIME ZONE}: unlike {@link java.sql.Timestamp}, that never passes through the JVM's
 * default zone. Both databases keep microseconds and round finer instants half up, alike.
 */
final class JdbcValues {
    private static final Argument NULL_INSTANT = (position, statement, ctx) ->
            statement.setNull(position, Types.TIMESTAMP_WITH_TIMEZONE);
    private static final Argument NULL_DATE = (position, statement, ctx) -> statement.setNull(position, Types.DATE);

    private JdbcValues() {
    }

    static Argument instant(Instant at) {
        if (at == null) {
            return NULL_INSTANT;
        }
        var utc = at.atOffset(ZoneOffset.UTC);
        return (position, statement, ctx) -> statement.setObject(position, utc);
    }

    static Argument instant(Optional<Instant> at) {
        return instant(at.orElse(null));
    }

    static Argument date(Optional<LocalDate> date) {
        return date.<Argument>map(d -> (position, statement, ctx) -> statement.setObject(position, d))
                .orElse(NULL_DATE);
    }

    // By label: for narrow results. A wide row is read by position (SelectList), the cheaper look-up on H2.
    static Instant instant(ResultSet rs, String column) throws SQLException {
        return optionalInstant(rs, column).orElseThrow(() -> new SQLException(column + " is unexpectedly null"));
    }

    static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        return optionalInstant(rs, rs.findColumn(column));
    }

    static Optional<LocalDate> date(ResultSet rs, String column) throws SQLException {
        return date(rs, rs.findColumn(column));
    }

    static Optional<String> optionalString(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    /** The enum constant named in {@code column}, which must not be null. */
    static <E extends Enum<E>> E enumValue(ResultSet rs, String column, Class<E> type) throws SQLException {
        return Enum.valueOf(type, rs.getString(column));
    }

    static <E extends Enum<E>> Optional<E> optionalEnum(ResultSet rs, String column, Class<E> type)
            throws SQLException {
        return optionalEnum(rs, rs.findColumn(column), type);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        return optionalInstant(rs, column)
                .orElseThrow(() -> new SQLException("column " + column + " is unexpectedly null"));
    }

    static Optional<Instant> optionalInstant(ResultSet rs, int column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    static Optional<LocalDate> date(ResultSet rs, int column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, LocalDate.class));
    }

    static Optional<String> optionalString(ResultSet rs, int column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    /** The enum constant named in {@code column}, which must not be null. */
    static <E extends Enum<E>> E enumValue(ResultSet rs, int column, Class<E> type) throws SQLException {
        return Enum.valueOf(type, rs.getString(column));
    }

    static <E extends Enum<E>> Optional<E> optionalEnum(ResultSet rs, int column, Class<E> type) throws SQLException {
        return optionalString(rs, column).map(name -> Enum.valueOf(type, name));
    }
}
