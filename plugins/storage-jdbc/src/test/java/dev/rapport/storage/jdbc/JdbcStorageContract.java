package dev.rapport.storage.jdbc;

import dev.rapport.api.spi.storage.StorageFactory;
import dev.rapport.storage.jdbc.testing.DatabaseCoordinates;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.StorageContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The storage contract on one kind of test database, with a fresh, empty database for every check. */
abstract class JdbcStorageContract extends StorageContract {
    private DatabaseCoordinates database;

    /** The kind of database the checks run on. */
    protected abstract TestDatabase kind();

    /** Empty rather than fresh: the contract checks the storage from its first start, migrations included. */
    @BeforeEach
    void emptyDatabase() {
        database = kind().empty();
    }

    /** The storage made by the checks, as {@link JdbcStorage}, to see what it runs on. */
    protected final JdbcStorage createJdbc() {
        return (JdbcStorage) createMinimal();
    }

    @Override
    protected StorageFactory factory() {
        return new JdbcStorageFactory();
    }

    /** The database's coordinates, and a small pool that keeps the embedded server's connections in check. */
    @Override
    protected Map<String, String> minimalConfig() {
        var settings = new HashMap<>(database.storageConfig());
        settings.put("maximum-pool-size", "4");
        return settings;
    }

    /** Nothing: without a URL the storage makes an in-memory H2 database of its own. */
    @Override
    protected Set<String> requiredKeys() {
        return Set.of();
    }

    /** The database is made by its first connection (H2) or trusts any password (the embedded PostgreSQL). */
    @Override
    protected Map<String, String> withSecrets() {
        return Map.of("password", "contract-db-pass-3c7e");
    }

    /** Configuration names the plugin by this id ({@code rapport.storage.type=jdbc}): it never changes. */
    @Test
    void isConfiguredAsJdbc() {
        assertThat(factory().id()).isEqualTo("jdbc");
    }
}
