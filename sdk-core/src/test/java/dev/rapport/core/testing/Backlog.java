package dev.rapport.core.testing;

import dev.rapport.storage.jdbc.testing.DatabaseCoordinates;

import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * What a database still has to deliver, read with plain SQL: events not yet fanned out and deliveries still pending.
 * When it is empty, no subscriber on any node can be called again for what was committed so far; a test that counts
 * deliveries waits for this instead of sleeping "time for a second delivery, if there were to be one".
 */
public final class Backlog {
    private final DatabaseCoordinates database;

    private Backlog(DatabaseCoordinates database) {
        this.database = database;
    }

    public static Backlog of(DatabaseCoordinates database) {
        return new Backlog(database);
    }

    public boolean isEmpty() {
        try (var connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             var query = connection.createStatement();
             var rows = query.executeQuery("SELECT (SELECT COUNT(*) FROM outbox WHERE NOT delivered)"
                     + " + (SELECT COUNT(*) FROM deliveries WHERE state = 'PENDING')")) {
            rows.next();
            return rows.getLong(1) == 0;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the delivery backlog of " + database.url(), e);
        }
    }
}
