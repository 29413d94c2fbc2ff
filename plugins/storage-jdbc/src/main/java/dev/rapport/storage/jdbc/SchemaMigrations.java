package dev.rapport.storage.jdbc;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/** Brings the schema to the version this module expects, with Flyway; a no-op when it is up to date. */
final class SchemaMigrations {
    private static final String COMMON = "classpath:dev/rapport/storage/jdbc/db/common";

    private SchemaMigrations() {
    }

    static void apply(DataSource dataSource, Dialect dialect) {
        // The plugin's own class loader finds the scripts even when the host isolates plugins from its context
        // loader. A history table of our own and a baseline for non-empty schemas let the storage share a host's
        // database that already has tables, and Flyway history, of its own.
        Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(COMMON, dialect.migrations())
                .javaMigrations(new FillCustomerSearchColumns(), new FillCustomerSearchKeys())
                .table("rapport_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .loggers("slf4j")
                .load()
                .migrate();
    }
}
