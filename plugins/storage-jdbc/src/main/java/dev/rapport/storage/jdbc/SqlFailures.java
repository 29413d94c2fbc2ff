package dev.rapport.storage.jdbc;

import java.sql.SQLException;
import java.util.Locale;

/** Recognises database errors the storage turns into domain outcomes. */
final class SqlFailures {
    /** SQLSTATE of a unique or primary key violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private SqlFailures() {
    }

    /** Whether {@code failure} was caused by a unique violation, of the named constraint when one is given. */
    static boolean isUniqueViolation(Throwable failure, String constraint) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                // Both databases name the violated constraint in the message (H2 in upper case).
                return constraint == null || String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT)
                        .contains(constraint);
            }
        }
        return false;
    }
}
