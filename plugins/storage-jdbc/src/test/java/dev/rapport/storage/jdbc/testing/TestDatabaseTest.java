package dev.rapport.storage.jdbc.testing;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TestDatabaseTest {
    @StorageTest
    void freshGivesADistinctDatabaseWithoutAnyTables(TestDatabase db) throws SQLException {
        var one = db.fresh();
        var other = db.fresh();

        assertThat(one.url()).isNotEqualTo(other.url());
        try (var connection = connect(one)) {
            connection.createStatement().execute("CREATE TABLE marker (id INTEGER)");
        }
        try (var connection = connect(other);
             var tables = connection.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_schema) = 'public'")) {
            tables.next();
            assertThat(tables.getInt(1)).as("tables in a fresh database").isZero();
        }
    }

    @Test
    void postgresDatabasesCanHaveTheTrigramExtension() throws SQLException {
        try (var connection = connect(TestDatabase.POSTGRES.fresh())) {
            connection.createStatement().execute("CREATE EXTENSION pg_trgm");

            var similarity = connection.createStatement().executeQuery("SELECT similarity('acme', 'acne')");
            assertThat(similarity.next()).isTrue();
            assertThat(similarity.getDouble(1)).isBetween(0.0, 1.0);
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

    private static Connection connect(DatabaseCoordinates coordinates) throws SQLException {
        return DriverManager.getConnection(coordinates.url(), coordinates.user(), coordinates.password());
    }
}
