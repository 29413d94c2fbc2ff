package dev.rapport.storage.jdbc.testing;

import dev.rapport.storage.jdbc.JdbcStorageFactory;
import dev.rapport.storage.jdbc.MigratedH2;
import dev.rapport.testkit.Eventually;
import dev.rapport.testkit.TestPluginContext;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The databases every storage test runs against. {@link #fresh()} makes a new database for each call, so tests never
 * see each other's rows; {@link #empty()} one with nothing in it, for tests of the migrations themselves.
 */
public enum TestDatabase {
    /**
     * An in-memory H2 database per call; a fresh one is made from a script of a database the storage migrated once per
     * JVM (a tenth of the time of migrating each).
     */
    H2("H2") {
        @Override
        public DatabaseCoordinates fresh() {
            return MigratedH2.copy(empty());
        }

        @Override
        public DatabaseCoordinates empty() {
            return new DatabaseCoordinates("jdbc:h2:mem:t" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        }
    },
    /**
     * A database per call on one embedded PostgreSQL server per JVM, started on first use; a fresh one is a copy of a
     * database the storage migrated once per JVM (migrating each took half a second, most of a storage test's time).
     */
    POSTGRES("PostgreSQL") {
        @Override
        public DatabaseCoordinates fresh() {
            return EmbeddedServer.newDatabase(EmbeddedServer.MIGRATED);
        }

        @Override
        public DatabaseCoordinates empty() {
            return EmbeddedServer.newDatabase(EmbeddedServer.EMPTY);
        }
    };

    private final String displayName;

    TestDatabase(String displayName) {
        this.displayName = displayName;
    }

    /**
     * Coordinates of a brand-new database for the {@code jdbc} storage: empty, or with the storage's schema at its
     * current version already (its rows only those the migrations insert); the storage migrates whatever is missing
     * when it opens it. Thread-safe.
     */
    public abstract DatabaseCoordinates fresh();

    /** Coordinates of a brand-new database with nothing in it: no schema, no migration history. Thread-safe. */
    public abstract DatabaseCoordinates empty();

    /** How test reports name this database: {@code H2} or {@code PostgreSQL}. */
    public String displayName() {
        return displayName;
    }

    /** Every test database, in the order tests run on them. */
    public static TestDatabase[] all() {
        return values();
    }

    /** Set once the embedded PostgreSQL runs, so that {@link #dropSpentDatabases()} never starts it. */
    private static volatile boolean postgresStarted;

    /**
     * Drops the PostgreSQL databases {@link #fresh()} made that nothing is connected to any more, and returns how
     * many it dropped. Each is some 8 MB of disk, and a test JVM makes hundreds: kept to its end, they filled a build
     * machine's disk. {@link SpentDatabases} calls this after each top-level test class; a database still connected to
     * stays for a later call.
     */
    public static int dropSpentDatabases() {
        return postgresStarted ? EmbeddedServer.dropSpent() : 0;
    }

    /**
     * The PostgreSQL server, started when this class is first touched (the JVM makes that thread-safe) and stopped
     * when the JVM exits.
     */
    private static final class EmbeddedServer {
        private static final String USER = "postgres";
        /** The server's own template, which stays empty. */
        static final String EMPTY = "template1";
        /** The storage's schema at its current version, migrated when first copied. */
        static final String MIGRATED = "rapport_migrated";
        /** PostgreSQL's SQLSTATE for a template copied while a session is connected to it. */
        private static final String TEMPLATE_IN_USE = "55006";
        private static final AtomicInteger DATABASES = new AtomicInteger();
        private static final EmbeddedPostgres SERVER = start();
        /** Databases made and not yet dropped, oldest first; guarded by the class's lock. */
        private static final List<String> UNDROPPED = new ArrayList<>();
        /** Guarded by the class's lock. */
        private static boolean migratedExists;

        /**
         * A copy of {@code template}. Serialised because concurrent copies of one template database may fail on older
         * servers, and the migrated template is made by the first call that needs it.
         */
        static synchronized DatabaseCoordinates newDatabase(String template) {
            if (template.equals(MIGRATED) && !migratedExists) {
                try {
                    execute("CREATE DATABASE " + MIGRATED);
                } catch (SQLException e) {
                    throw new IllegalStateException("Cannot create " + MIGRATED, e);
                }
                var factory = new JdbcStorageFactory();
                TestPluginContext.of(factory, coordinates(MIGRATED).storageConfig()).create(factory).close(); // migrated
                migratedExists = true;
            }
            String name = "t_" + DATABASES.incrementAndGet();
            // The names are ours, not user input. Copying the files takes a third less time than the default of
            // logging every page of the copy.
            copy(template, name);
            UNDROPPED.add(name);
            return coordinates(name);
        }

        private static DatabaseCoordinates coordinates(String database) {
            // The server trusts local connections, so any password works; "postgres" keeps configurations realistic.
            return new DatabaseCoordinates("jdbc:postgresql://localhost:" + SERVER.getPort() + "/" + database, USER,
                    "postgres");
        }

        /**
         * Copies a template, which must have no session: the migrating storage's pool, just closed, may leave one
         * ending for a moment, which the copy waits out.
         */
        private static void copy(String template, String name) {
            Eventually.until("a session-free " + template + " copied to " + name, () -> {
                try {
                    execute("CREATE DATABASE " + name + " TEMPLATE " + template + " STRATEGY FILE_COPY");
                    return true;
                } catch (SQLException e) {
                    if (TEMPLATE_IN_USE.equals(e.getSQLState())) {
                        return false;
                    }
                    throw new IllegalStateException("Cannot create test database " + name, e);
                }
            });
        }

        private static void execute(String sql) throws SQLException {
            try (var connection = SERVER.getPostgresDatabase().getConnection();
                 var statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }

        /**
         * Drops every undropped database without a connection. Asking first matters: {@code DROP DATABASE} waits five
         * seconds for the sessions of a database in use before it gives up.
         */
        static synchronized int dropSpent() {
            if (UNDROPPED.isEmpty()) {
                return 0;
            }
            int dropped = 0;
            try (var connection = SERVER.getPostgresDatabase().getConnection();
                 var statement = connection.createStatement()) {
                Set<String> connected = new HashSet<>();
                try (var rows = statement.executeQuery(
                        "SELECT DISTINCT datname FROM pg_stat_activity WHERE datname IS NOT NULL")) {
                    while (rows.next()) {
                        connected.add(rows.getString(1));
                    }
                }
                for (var names = UNDROPPED.iterator(); names.hasNext(); ) {
                    String name = names.next();
                    if (connected.contains(name)) {
                        continue;
                    }
                    try {
                        statement.execute("DROP DATABASE IF EXISTS " + name);
                        names.remove();
                        dropped++;
                    } catch (SQLException connectedMeanwhile) {
                        // Someone connected since we asked: the database stays for a later call.
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot drop spent test databases", e);
            }
            return dropped;
        }

        private static EmbeddedPostgres start() {
            try {
                // Durability is worth nothing in a throw-away test server, and skipping it makes DDL much faster.
                var server = EmbeddedPostgres.builder()
                        .setRegisterShutdownHook(false)
                        .setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("synchronous_commit", "off")
                        // Tests write little, but check-point often enough that the log is recycled rather than
                        // grown to the default gigabyte.
                        .setServerConfig("max_wal_size", "96MB")
                        .setServerConfig("min_wal_size", "32MB")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, "embedded-postgres-stop"));
                postgresStarted = true;
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
            }
        }
    }
}
