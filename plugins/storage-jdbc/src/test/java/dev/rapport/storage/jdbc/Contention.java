package dev.rapport.storage.jdbc;

import dev.rapport.storage.jdbc.testing.DatabaseCoordinates;

import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Whether a session on a test database is held up by another transaction, as the database itself shows it, so a test
 * that races two transactions waits for this instead of sleeping until the racer "surely" got there. PostgreSQL
 * reports a lock wait. H2 reports a blocker for a locked row but none for a key another transaction inserted (it
 * retries the statement until that transaction ends), so the sign on H2 is a statement under way in another session:
 * the holder sits idle in its transaction, so that is the racer.
 */
final class Contention {
    private static final String POSTGRESQL = "SELECT COUNT(*) FROM pg_stat_activity "
            + "WHERE datname = current_database() AND wait_event_type = 'Lock'";
    private static final String H2 = "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS "
            + "WHERE SESSION_ID <> SESSION_ID() AND EXECUTING_STATEMENT IS NOT NULL";

    private Contention() {
    }

    static boolean seenOn(DatabaseCoordinates database) {
        String sql = database.url().startsWith("jdbc:postgresql:") ? POSTGRESQL : H2;
        try (var connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             var query = connection.createStatement();
             var rows = query.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1) > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the sessions of " + database.url(), e);
        }
    }
}
