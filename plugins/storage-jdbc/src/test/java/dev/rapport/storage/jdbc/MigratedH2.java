package dev.rapport.storage.jdbc;

import dev.rapport.storage.jdbc.testing.DatabaseCoordinates;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.TestPluginContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * What the storage's migrations make of an empty H2 database, kept as a script made once per JVM, when first asked
 * for: running it takes about a tenth of the time of migrating a database. Beside the storage, because the copy is
 * opened with the storage's own URL settings: H2 takes a database's settings from the connection that opens it.
 */
public final class MigratedH2 {
    private static final Path SCRIPT = script();

    private MigratedH2() {
    }

    /** Fills {@code empty}, an in-memory H2 database nothing has opened yet, with the migrated schema. */
    public static DatabaseCoordinates copy(DatabaseCoordinates empty) {
        run(empty, "RUNSCRIPT FROM '" + SCRIPT + "'");
        return empty;
    }

    private static Path script() {
        var migrated = TestDatabase.H2.empty();
        var factory = new JdbcStorageFactory();
        TestPluginContext.of(factory, migrated.storageConfig()).create(factory).close();
        try {
            var script = Files.createTempFile("rapport-migrated-h2-", ".sql");
            script.toFile().deleteOnExit();
            run(migrated, "SCRIPT TO '" + script + "'");
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(DatabaseCoordinates database, String sql) {
        try (var connection = DriverManager.getConnection(H2Queries.tuned(database.url()), database.user(),
                database.password());
             var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
