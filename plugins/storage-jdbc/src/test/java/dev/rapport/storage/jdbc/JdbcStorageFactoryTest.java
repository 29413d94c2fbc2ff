package dev.rapport.storage.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rapport.api.security.Department;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.spi.PluginConfig;
import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.storage.StorageFactory;
import dev.rapport.storage.jdbc.testing.DatabaseCoordinates;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcStorageFactoryTest {
    private static final Department SALES = new Department(DepartmentId.of("sales"), "Sales");

    @Test
    void isDiscoveredByServiceLoaderWithIdJdbcAndPasswordAsSecret() {
        var factories = ServiceLoader.load(StorageFactory.class).stream().map(ServiceLoader.Provider::get).toList();

        assertThat(factories).filteredOn(f -> f.id().equals("jdbc")).singleElement()
                .isInstanceOf(JdbcStorageFactory.class)
                .satisfies(f -> assertThat(f.secretKeys()).containsExactly("password"));
    }

    @StorageTest
    void readsEverySettingItSupportsSoOnlyUnknownKeysAreLeftForTheSdkToReject(TestDatabase db) {
        var settings = new HashMap<>(db.fresh().storageConfig());
        settings.put("maximum-pool-size", "2");
        settings.put("colour", "blue");
        var context = TestContext.of(settings);

        new JdbcStorageFactory().create(context).close();

        assertThat(context.unreadKeys()).containsExactly("colour");
    }

    @StorageTest
    void detectsTheDialectAndMigratesAnEmptyDatabase(TestDatabase db) {
        try (var storage = TestStorage.on(db.empty())) {
            var jdbc = (JdbcStorage) storage.storage();

            var departments = storage.get(tx -> tx.departments().list());

            assertThat(jdbc.dialect()).isEqualTo(db == TestDatabase.H2 ? Dialect.H2 : Dialect.POSTGRESQL);
            assertThat(departments).isEmpty();
        }
    }

    @StorageTest
    void reopeningAMigratedDatabaseKeepsItsDataAndMigratesNothing(TestDatabase db) {
        var coordinates = db.empty();
        try (var first = TestStorage.on(coordinates)) {
            first.run(tx -> tx.departments().insertIfAbsent(SALES));
        }
        long appliedOnFirstOpen = appliedMigrations(coordinates);

        try (var second = TestStorage.on(coordinates)) {
            var departments = second.get(tx -> tx.departments().list());
            assertThat(departments).containsExactly(SALES);
        }
        assertThat(appliedOnFirstOpen).isPositive();
        assertThat(appliedMigrations(coordinates)).isEqualTo(appliedOnFirstOpen);
    }

    @StorageTest
    void usesTheHostsDataSourceAndLeavesItOpenOnClose(TestDatabase db) throws Exception {
        try (var hostPool = pool(db.fresh())) {
            var storage = new JdbcStorageFactory().create(
                    TestContext.withHostObjects(Map.of(), Map.of(DataSource.class, hostPool)));
            storage.inTransaction(tx -> tx.departments().insertIfAbsent(SALES));
            storage.close();

            assertThat(hostPool.isClosed()).isFalse();
            try (var connection = hostPool.getConnection();
                 var rows = connection.createStatement().executeQuery("SELECT name FROM departments")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("Sales");
            }
        }
    }

    @Test
    void settingsGivenTogetherWithTheHostsDataSourceAreRejectedByName() {
        try (var hostPool = pool(TestDatabase.H2.fresh())) {
            var context = TestContext.withHostObjects(Map.of("url", "jdbc:h2:mem:other", "maximum-pool-size", "3"),
                    Map.of(DataSource.class, hostPool));

            assertThatThrownBy(() -> new JdbcStorageFactory().create(context))
                    .isInstanceOfSatisfying(PluginConfigException.class, e -> assertThat(e.problems())
                            .hasSize(2)
                            .anySatisfy(p -> assertThat(p).startsWith("storage: url "))
                            .anySatisfy(p -> assertThat(p).startsWith("storage: maximum-pool-size ")));
        }
    }

    @Test
    void withoutUrlEveryStorageGetsAnInMemoryH2OfItsOwn() {
        var factory = new JdbcStorageFactory();
        try (var one = factory.create(TestContext.of(Map.of()));
             var other = factory.create(TestContext.of(Map.of()))) {
            one.inTransaction(tx -> tx.departments().insertIfAbsent(SALES));

            assertThat(((JdbcStorage) one).dialect()).isEqualTo(Dialect.H2);
            var othersDepartments = other.inTransaction(tx -> tx.departments().list());
            assertThat(othersDepartments).isEmpty();
        }
    }

    @Test
    void anH2FileDatabaseWritesEveryCommitToItsFileBeforeTheCommitReturns(@TempDir Path directory) {
        String url = "jdbc:h2:file:" + directory.resolve("rapport");
        try (var storage = new JdbcStorageFactory().create(TestContext.of(Map.of("url", url)))) {
            assertThat(writeDelay(url)).isZero();
        }
    }

    @Test
    void aHostsH2DataSourceGetsTheSameWriteDelay(@TempDir Path directory) {
        String url = "jdbc:h2:file:" + directory.resolve("rapport"); // H2's default delay: 500 ms
        try (var pool = pool(new DatabaseCoordinates(url, "sa", ""));
             var storage = new JdbcStorageFactory().create(
                     TestContext.withHostObjects(Map.of(), Map.of(DataSource.class, pool)))) {
            assertThat(writeDelay(pool)).isZero();
        }
    }

    @Test
    void aWriteDelayTheStoragesOwnUrlNamesIsTheHostsChoiceAndKept(@TempDir Path directory) {
        String url = "jdbc:h2:file:" + directory.resolve("rapport") + ";WRITE_DELAY=300";
        try (var storage = new JdbcStorageFactory().create(TestContext.of(Map.of("url", url)))) {
            assertThat(writeDelay(url)).isEqualTo(300);
        }
    }

    @Test
    void anH2FileDatabaseIsClosedByTheStorageNotByH2sOwnShutdownHook() {
        assertThat(H2Durability.closedByTheStorage("jdbc:h2:file:/var/rapport/rapport"))
                .isEqualTo("jdbc:h2:file:/var/rapport/rapport;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(H2Durability.closedByTheStorage("jdbc:h2:file:/var/rapport/rapport;db_close_on_exit=TRUE"))
                .as("the host's choice").endsWith("db_close_on_exit=TRUE");
        assertThat(H2Durability.closedByTheStorage("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
        assertThat(H2Durability.closedByTheStorage("jdbc:postgresql://db/rapport"))
                .isEqualTo("jdbc:postgresql://db/rapport");
    }

    @Test
    void h2KeepsMoreParsedStatementsPerConnectionAndNoQueryResultsUnlessTheUrlSaysSo(@TempDir Path directory) {
        String url = "jdbc:h2:file:" + directory.resolve("rapport");
        try (var storage = new JdbcStorageFactory().create(TestContext.of(Map.of("url", url)))) {
            assertThat(setting(url, "QUERY_CACHE_SIZE")).isEqualTo("64");
        }
        // H2 does not list OPTIMIZE_REUSE_RESULTS among its settings: the URL is what shows it.
        assertThat(H2Queries.tuned("jdbc:h2:mem:x"))
                .isEqualTo("jdbc:h2:mem:x;OPTIMIZE_REUSE_RESULTS=FALSE;QUERY_CACHE_SIZE=64");
        assertThat(H2Queries.tuned("jdbc:h2:mem:x;optimize_reuse_results=TRUE")).as("the host's choice")
                .isEqualTo("jdbc:h2:mem:x;optimize_reuse_results=TRUE;QUERY_CACHE_SIZE=64");
        assertThat(H2Queries.tuned("jdbc:postgresql://db/rapport")).isEqualTo("jdbc:postgresql://db/rapport");
    }

    private static String setting(String url, String name) {
        try (var pool = pool(new DatabaseCoordinates(url, "", ""));
             var connection = pool.getConnection();
             var statement = connection.prepareStatement(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?")) {
            statement.setString(1, name);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1).strip() : "(not listed)";
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void poolSizeBelowOneIsRejected() {
        var config = PluginConfig.of("storage", Map.of("maximum-pool-size", "0"), new JdbcStorageFactory());

        assertThat(config.problems(Set.of())).as("the SDK checks the declared keys before creating")
                .containsExactly("storage: maximum-pool-size must be a whole number of at least 1, not '0'");
    }

    @Test
    void aDatabaseOtherThanH2OrPostgresqlIsRejectedByName() {
        DataSource oracle = proxy(DataSource.class, "getConnection", proxy(Connection.class, "getMetaData",
                proxy(DatabaseMetaData.class, "getDatabaseProductName", "Oracle")));
        var context = TestContext.withHostObjects(Map.of(), Map.of(DataSource.class, oracle));

        assertThatThrownBy(() -> new JdbcStorageFactory().create(context))
                .isInstanceOf(PluginConfigException.class)
                .hasMessageContaining("Oracle")
                .hasMessageContaining("H2 and PostgreSQL");
    }

    /** The database's setting, read over a URL without settings (a URL's settings are applied at each connection). */
    private static int writeDelay(String url) {
        try (var pool = pool(new DatabaseCoordinates(url.split(";")[0], "", ""))) {
            return writeDelay(pool);
        }
    }

    private static int writeDelay(DataSource dataSource) {
        try (var connection = dataSource.getConnection();
             var rows = connection.createStatement().executeQuery(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            rows.next();
            return Integer.parseInt(rows.getString(1));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long appliedMigrations(DatabaseCoordinates coordinates) {
        try (var pool = pool(coordinates);
             var connection = pool.getConnection();
             var rows = connection.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM \"rapport_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL")) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HikariDataSource pool(DatabaseCoordinates coordinates) {
        var config = new HikariConfig();
        config.setJdbcUrl(coordinates.url());
        config.setUsername(coordinates.user());
        config.setPassword(coordinates.password());
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    /** A stand-in whose method {@code name} returns {@code result}; every other method does nothing. */
    private static <T> T proxy(Class<T> type, String name, Object result) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type},
                (self, method, args) -> method.getName().equals(name) ? result : null));
    }
}
