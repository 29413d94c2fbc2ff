package dev.rapport.storage.jdbc.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
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

    /**
     * The PostgreSQL server, started when this class is first touched (the JVM makes that thread-safe) and stopped
     * when the JVM exits.
     */
    private static final class EmbeddedServer {
        private static final String USER = "postgres";
        private static final AtomicInteger DATABASES = new AtomicInteger();
        private static final EmbeddedPostgres SERVER = start();

        /** Serialised because concurrent copies of one template database may fail on older servers. */
        static synchronized DatabaseCoordinates newDatabase() {
            String name = "t_" + DATABASES.incrementAndGet();
            // CREATE DATABASE copies template1, which stays empty; the name is ours, not user input.
            try (var connection = SERVER.getPostgresDatabase().getConnection();
                 var statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create test database " + name, e);
            }
            // The server trusts local connections, so any password works; "postgres" keeps configurations realistic.
            return new DatabaseCoordinates("jdbc:postgresql://localhost:" + SERVER.getPort() + "/" + name, USER,
                    "postgres");
        }

        private static EmbeddedPostgres start() {
            try {
                // Durability is worth nothing in a throw-away test server, and skipping it makes DDL much faster.
                var server = EmbeddedPostgres.builder()
                        .setRegisterShutdownHook(false)
                        .setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, "embedded-postgres-stop"));
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
            }
        }
    }
}
