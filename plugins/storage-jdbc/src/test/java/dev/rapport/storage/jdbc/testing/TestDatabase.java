package dev.rapport.storage.jdbc.testing;

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
 * The databases every storage test runs against. {@link #fresh()} makes a new, empty database (no schema: the
 * storage migrates it) for each call, so tests never see each other's rows.
 */
public enum TestDatabase {
    /** An in-memory H2 database per call. */
    H2("H2") {
        @Override
        public DatabaseCoordinates fresh() {
            return new DatabaseCoordinates("jdbc:h2:mem:t" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        }
    },
    /** A database per call on one embedded PostgreSQL server per JVM, started on first use. */
    POSTGRES("PostgreSQL") {
        @Override
        public DatabaseCoordinates fresh() {
            return EmbeddedServer.newDatabase();
        }
    };

    private final String displayName;

    TestDatabase(String displayName) {
        this.displayName = displayName;
    }

    /** Coordinates of a brand-new, empty database. Thread-safe. */
    public abstract DatabaseCoordinates fresh();

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
        private static final AtomicInteger DATABASES = new AtomicInteger();
        private static final EmbeddedPostgres SERVER = start();
        /** Databases made and not yet dropped, oldest first; guarded by the class's lock. */
        private static final List<String> UNDROPPED = new ArrayList<>();

        /** Serialised because concurrent copies of one template database may fail on older servers. */
        static synchronized DatabaseCoordinates newDatabase() {
            String name = "t_" + DATABASES.incrementAndGet();
            // CREATE DATABASE copies template1, which stays empty; the name is ours, not user input. Copying the files
            // takes a third less time than the default of logging every page of the copy.
            try (var connection = SERVER.getPostgresDatabase().getConnection();
                 var statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name + " STRATEGY FILE_COPY");
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create test database " + name, e);
            }
            UNDROPPED.add(name);
            // The server trusts local connections, so any password works; "postgres" keeps configurations realistic.
            return new DatabaseCoordinates("jdbc:postgresql://localhost:" + SERVER.getPort() + "/" + name, USER,
                    "postgres");
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
