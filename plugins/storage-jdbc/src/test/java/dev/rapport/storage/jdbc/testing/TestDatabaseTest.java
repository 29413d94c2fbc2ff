package dev.rapport.storage.jdbc.testing;

import dev.rapport.storage.jdbc.JdbcStorageFactory;
import dev.rapport.testkit.Eventually;
import dev.rapport.testkit.TestPluginContext;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TestDatabaseTest {
    @StorageTest
    void emptyGivesADistinctDatabaseWithoutAnyTables(TestDatabase db) throws SQLException {
        var one = db.empty();
        var other = db.empty();

        assertThat(one.url()).isNotEqualTo(other.url());
        try (var connection = connect(one)) {
            connection.createStatement().execute("CREATE TABLE marker (id INTEGER)");
        }
        assertThat(tables(other)).as("tables in an empty database").isEmpty();
    }

    @StorageTest
    void freshGivesADistinctDatabaseTheStorageOpensAtItsCurrentSchema(TestDatabase db) throws SQLException {
        var one = db.fresh();
        var other = db.fresh();
        try (var connection = connect(one)) {
            connection.createStatement().execute("CREATE TABLE marker (id INTEGER)");
        }

        var factory = new JdbcStorageFactory();
        TestPluginContext.of(factory, other.storageConfig()).create(factory).close();

        assertThat(one.url()).isNotEqualTo(other.url());
        assertThat(tables(other)).contains("tickets", "customers", "rapport_schema_history").doesNotContain("marker");
    }

    @Test
    void postgresDatabasesCanHaveTheTrigramExtension() throws SQLException {
        try (var connection = connect(TestDatabase.POSTGRES.empty())) {
            connection.createStatement().execute("CREATE EXTENSION pg_trgm");

            var similarity = connection.createStatement().executeQuery("SELECT similarity('acme', 'acne')");
            assertThat(similarity.next()).isTrue();
            assertThat(similarity.getDouble(1)).isBetween(0.0, 1.0);
        }
    }

    @Test
    void spentPostgresDatabasesAreDroppedAndOnesStillConnectedToStay() throws SQLException {
        var spent = TestDatabase.POSTGRES.fresh();
        var inUse = TestDatabase.POSTGRES.fresh();
        var observer = TestDatabase.POSTGRES.fresh();
        try (var watching = connect(observer)) {
            try (var using = connect(inUse)) {
                connect(spent).close();
                // The server process of a closed session may linger a moment, and its database with it.
                Eventually.until("the database no longer connected to dropped",
                        () -> droppedAtLast(spent, watching));
                assertThat(databases(watching)).contains(name(inUse));
            }
            Eventually.until("the other dropped once closed too", () -> droppedAtLast(inUse, watching));
        }
    }

    private static Set<String> tables(DatabaseCoordinates database) throws SQLException {
        var names = new HashSet<String>();
        try (var connection = connect(database);
             var rows = connection.createStatement().executeQuery("SELECT LOWER(table_name) FROM "
                     + "information_schema.tables WHERE LOWER(table_schema) = 'public'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static boolean droppedAtLast(DatabaseCoordinates database, Connection watching) {
        TestDatabase.dropSpentDatabases();
        try {
            return !databases(watching).contains(name(database));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void storageConfigHasTheLoginOnlyWhenThereIsOne() {
        assertThat(new DatabaseCoordinates("jdbc:h2:mem:x", "sa", "").storageConfig())
                .isEqualTo(Map.of("url", "jdbc:h2:mem:x", "user", "sa", "password", ""));
        assertThat(new DatabaseCoordinates("jdbc:h2:mem:x", null, null).storageConfig())
                .isEqualTo(Map.of("url", "jdbc:h2:mem:x"));
    }

    @Test
    void displayNamesAreTheProductNames() {
        assertThat(TestDatabase.all()).extracting(TestDatabase::displayName).containsExactly("H2", "PostgreSQL");
    }

    private static Set<String> databases(Connection connection) throws SQLException {
        var names = new HashSet<String>();
        try (var rows = connection.createStatement().executeQuery("SELECT datname FROM pg_database")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static String name(DatabaseCoordinates coordinates) {
        return coordinates.url().substring(coordinates.url().lastIndexOf('/') + 1);
    }

    private static Connection connect(DatabaseCoordinates coordinates) throws SQLException {
        return DriverManager.getConnection(coordinates.url(), coordinates.user(), coordinates.password());
    }
}
