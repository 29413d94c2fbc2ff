package dev.rapport.storage.jdbc;

import dev.rapport.api.spi.storage.CustomerMatch;
import dev.rapport.api.spi.storage.CustomerNames;
import dev.rapport.api.spi.storage.CustomerSearch;
import dev.rapport.api.spi.storage.DuplicateProbe;
import dev.rapport.api.spi.storage.DuplicateSuspect;
import dev.rapport.storage.jdbc.testing.DatabaseCoordinates;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import org.flywaydb.core.Flyway;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerSearchMigrationTest {
    @StorageTest
    void customersStoredBeforeSearchExistedAreFoundAfterTheUpgrade(TestDatabase db) throws SQLException {
        var coordinates = db.empty();
        migrateToVersion2(coordinates, db == TestDatabase.H2 ? Dialect.H2 : Dialect.POSTGRESQL);
        storeWithVersion2Columns(coordinates);

        try (var storage = TestStorage.on(coordinates)) {
            var byName = storage.get(tx -> tx.customers().search(new CustomerSearch("星河", false, Optional.empty(), 10)));
            var byPhone = storage.get(tx -> tx.customers().search(
                    new CustomerSearch("1234 5678", true, Optional.empty(), 10)));
            var byEmail = storage.get(tx -> tx.customers().suspects(
                    new DuplicateProbe("Other", Set.of(), Set.of("liu.yang@xinghe.example"), 0.75, 10)));

            assertThat(byName).extracting(m -> m.customer().code()).containsExactly("C2025000001");
            assertThat(byPhone).extracting(CustomerMatch::customer).extracting(c -> c.contacts().getFirst().name())
                    .containsExactly("刘洋");
            assertThat(byEmail).extracting(DuplicateSuspect::code).containsExactly("C2025000001");
        }
    }

    @StorageTest
    void customersStoredBeforeSearchKeysExistedAreFoundWithTyposAndAwaitTheirReadings(TestDatabase db)
            throws SQLException {
        var coordinates = db.empty();
        migrateToVersion2(coordinates, db == TestDatabase.H2 ? Dialect.H2 : Dialect.POSTGRESQL);
        storeWithVersion2Columns(coordinates);

        try (var storage = TestStorage.on(coordinates)) {
            var byTypo = storage.get(tx -> tx.customers().search(new CustomerSearch("Brigthway", false,
                    Optional.empty(), 10)));
            List<CustomerNames> lacking = storage.get(tx -> tx.customers().lackingReadings(10));

            assertThat(byTypo).extracting(m -> m.customer().code()).containsExactly("C2025000002");
            assertThat(lacking).extracting(CustomerNames::name)
                    .containsExactlyInAnyOrder("上海星河贸易有限公司", "Brightway Machinery");
            assertThat(lacking).filteredOn(names -> names.name().startsWith("上海"))
                    .extracting(CustomerNames::contactNames).containsExactly(List.of("刘洋"));
        }
    }

    private static void migrateToVersion2(DatabaseCoordinates db, Dialect dialect) {
        Flyway.configure()
                .dataSource(db.url(), db.user(), db.password())
                .locations("classpath:dev/rapport/storage/jdbc/db/common", dialect.migrations())
                .table("rapport_schema_history")
                .target("2")
                .load()
                .migrate();
    }

    private static void storeWithVersion2Columns(DatabaseCoordinates db) throws SQLException {
        try (var connection = DriverManager.getConnection(db.url(), db.user(), db.password());
             var statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO customers (id, code, kind, name, industry, segment, maintenance_level, "
                    + "key_account, tags, created_at, updated_at, version) VALUES ('c1', 'C2025000001', 'ORGANIZATION', "
                    + "'上海星河贸易有限公司', 'Retail', 'NEW', 'LOW', FALSE, '[]', TIMESTAMP WITH TIME ZONE "
                    + "'2025-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00', 1)");
            statement.executeUpdate("INSERT INTO contacts (id, customer_id, position, name, phone, email) "
                    + "VALUES ('k1', 'c1', 0, '刘洋', '13812345678', 'Liu.Yang@xinghe.example')");
            statement.executeUpdate("INSERT INTO customers (id, code, kind, name, industry, segment, maintenance_level, "
                    + "key_account, tags, created_at, updated_at, version) VALUES ('c2', 'C2025000002', 'ORGANIZATION', "
                    + "'Brightway Machinery', 'Retail', 'NEW', 'LOW', FALSE, '[]', TIMESTAMP WITH TIME ZONE "
                    + "'2025-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00', 1)");
        }
    }
}
