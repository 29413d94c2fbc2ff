package dev.rapport.storage.jdbc;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A migration of stored data written in Java because SQL cannot compute it (e.g. search forms and keys), named by its
 * version and description rather than by Flyway's class-name convention. Like Flyway's own Java migrations it has no
 * checksum, so its code may be tidied without failing validation; what it does to the data must never change once
 * released. It runs in the migration's transaction.
 */
abstract class JavaDataMigration implements JavaMigration {
    private final MigrationVersion version;
    private final String description;

    JavaDataMigration(String version, String description) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
    }

    @Override
    public final MigrationVersion getVersion() {
        return version;
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return null;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }
}
