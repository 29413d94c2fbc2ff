package dev.rapport.storage.jdbc;

import dev.rapport.storage.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class MigratedH2Test {
    @Test
    void aFreshH2DatabaseIsOpenedWithTheStoragesSettingsAsAMigratedOneWouldBe() throws SQLException {
        var fresh = TestDatabase.H2.fresh();

        try (var connection = DriverManager.getConnection(fresh.url(), fresh.user(), fresh.password());
             var rows = connection.createStatement().executeQuery(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_CACHE_SIZE'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1).strip()).isEqualTo("64");
        }
    }
}
