package dev.rapport.storage.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rapport.api.spi.ConfigKey;
import dev.rapport.api.spi.PluginConfig;
import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.PluginContext;
import dev.rapport.api.spi.storage.Storage;
import dev.rapport.api.spi.storage.StorageFactory;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementExceptions;

import java.lang.System.Logger.Level;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Creates the {@code jdbc} storage: H2 or PostgreSQL through Jdbi, with the schema migrated by Flyway on creation.
 *
 * <p>Settings:
 * <ul>
 *   <li>{@code url}: the JDBC URL; without it, a fresh in-memory H2 database that lives as long as the storage</li>
 *   <li>{@code user}, {@code password} (secret): the database login</li>
 *   <li>{@code maximum-pool-size}: connections in the storage's pool, default {@value #DEFAULT_POOL_SIZE}</li>
 * </ul>
 * A host that hands the SDK a {@link DataSource} gets that DataSource used as it is: none of the settings apply,
 * and the host keeps owning it ({@link Storage#close()} leaves it open).
 */
public final class JdbcStorageFactory implements StorageFactory {
    private static final System.Logger LOG = System.getLogger(JdbcStorageFactory.class.getName());
    /** The id configuration refers to. */
    public static final String ID = "jdbc";
    static final String URL = "url";
    static final String USER = "user";
    static final String PASSWORD = "password";
    static final String MAXIMUM_POOL_SIZE = "maximum-pool-size";
    static final int DEFAULT_POOL_SIZE = 10;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(
                ConfigKey.optional(URL, ConfigKey.Type.STRING, "the JDBC URL; a fresh in-memory H2 database without"),
                ConfigKey.optional(USER, ConfigKey.Type.STRING, "the database login"),
                ConfigKey.optional(PASSWORD, ConfigKey.Type.STRING, "the database password").asSecret(),
                ConfigKey.optional(MAXIMUM_POOL_SIZE, ConfigKey.Type.POSITIVE_INTEGER,
                        String.valueOf(DEFAULT_POOL_SIZE), "connections in the storage's pool"));
    }

    /**
     * @throws PluginConfigException when a setting is malformed, when settings are given together with the host's
     *                               DataSource, or when the database is neither H2 nor PostgreSQL
     */
    @Override
    public Storage create(PluginContext context) {
        var settings = Settings.read(context.config());
        var hostDataSource = context.hostObject(DataSource.class);
        if (hostDataSource.isPresent()) {
            settings.requireNoneGiven(context.instanceName());
            return open(context, hostDataSource.get(), Optional.empty(), () -> {
            });
        }
        var pool = settings.newPool(context.instanceName());
        try {
            return open(context, pool, Optional.of(pool.getJdbcUrl()), () -> settings.release(pool));
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** @param configuredUrl the URL of a pool this storage made, empty for the host's DataSource */
    private static Storage open(PluginContext context, DataSource dataSource, Optional<String> configuredUrl,
                                Runnable release) {
        var dialect = dialectOf(context.instanceName(), dataSource);
        // Migrated before H2's commits are made to reach the file one by one: a new database's hundreds of DDL
        // statements then reach it together, at the checkpoint that follows (a third of a second of a demo start).
        SchemaMigrations.apply(dataSource, dialect);
        Runnable releaseAll = release;
        if (dialect == Dialect.H2) {
            H2Durability.commitsReachTheFile(context.instanceName(), dataSource, configuredUrl);
            var housekeeping = H2Housekeeping.start(context.instanceName(), dataSource);
            if (housekeeping.isPresent()) {
                releaseAll = () -> {
                    housekeeping.get().close();
                    release.run();
                };
            }
        }
        return new JdbcStorage(jdbi(dataSource), dialect, new JsonCodec(), context.clock(), releaseAll,
                dataSource instanceof HikariDataSource hikari ? Optional.of(hikari) : Optional.empty());
    }

    private static Dialect dialectOf(String instance, DataSource dataSource) {
        String product;
        try (var connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException(instance + ": cannot reach the database: " + e.getMessage(), e);
        }
        return Dialect.of(product).orElseThrow(() -> new PluginConfigException(instance + ": the database is "
                + product + "; this storage supports H2 and PostgreSQL"));
    }

    /**
     * Jdbi whose exception messages name the statement but never its bound values: those are phones, e-mails and
     * password hashes, and exception messages end up in logs.
     */
    private static Jdbi jdbi(DataSource dataSource) {
        var jdbi = Jdbi.create(dataSource);
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(failure -> failure.getShortMessage()
                + Optional.ofNullable(failure.getStatementContext()).map(StatementContext::getRawSql)
                .map(sql -> " [statement: " + sql + "]").orElse(""));
        return jdbi;
    }

    /** The settings as read; every key is read up front so the SDK reports only keys this storage does not know. */
    private record Settings(Optional<String> url, Optional<String> user, Optional<String> password,
                            Optional<Integer> maximumPoolSize) {
        static Settings read(PluginConfig config) {
            return new Settings(config.optionalString(URL), config.optionalString(USER),
                    config.optionalString(PASSWORD), config.optionalInteger(MAXIMUM_POOL_SIZE));
        }

        void requireNoneGiven(String instance) {
            var problems = new ArrayList<String>();
            url.ifPresent(v -> problems.add(givenWithDataSource(instance, URL)));
            user.ifPresent(v -> problems.add(givenWithDataSource(instance, USER)));
            password.ifPresent(v -> problems.add(givenWithDataSource(instance, PASSWORD)));
            maximumPoolSize.ifPresent(v -> problems.add(givenWithDataSource(instance, MAXIMUM_POOL_SIZE)));
            if (!problems.isEmpty()) {
                throw new PluginConfigException(problems);
            }
        }

        HikariDataSource newPool(String instance) {
            int size = maximumPoolSize.orElse(DEFAULT_POOL_SIZE);
            var config = new HikariConfig();
            config.setPoolName("rapport-" + instance);
            // DB_CLOSE_DELAY=-1 keeps the database while the pool recycles its connections; release() drops it.
            config.setJdbcUrl(H2Queries.tuned(url.map(H2Durability::closedByTheStorage)
                    .orElseGet(() -> "jdbc:h2:mem:rapport-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")));
            user.ifPresent(config::setUsername);
            password.ifPresent(config::setPassword);
            config.setMaximumPoolSize(size);
            // A request waiting for a connection gives up after 10 s (Hikari's default is 30 s): an outage then shows
            // as fast 500/503 answers and a DOWN health check rather than hanging clients.
            config.setConnectionTimeout(10_000);
            return new HikariDataSource(config);
        }

        /** Closes the pool, then drops the in-memory database this storage made up, which nobody else can reach. */
        void release(HikariDataSource pool) {
            pool.close();
            if (url.isEmpty()) {
                var login = new Properties();
                user.ifPresent(u -> login.setProperty("user", u));
                password.ifPresent(p -> login.setProperty("password", p));
                try (var connection = DriverManager.getConnection(pool.getJdbcUrl(), login);
                     var statement = connection.createStatement()) {
                    statement.execute("SHUTDOWN");
                } catch (SQLException e) {
                    LOG.log(Level.WARNING, "Could not drop the in-memory database " + pool.getJdbcUrl(), e);
                }
            }
        }

        private static String givenWithDataSource(String instance, String key) {
            return instance + ": " + key + " cannot be set when the host provides a DataSource; the host's pool is "
                    + "used as it is";
        }
    }
}
