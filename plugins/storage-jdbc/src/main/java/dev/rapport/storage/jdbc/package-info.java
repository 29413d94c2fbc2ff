/**
 * The {@code jdbc} storage: the Storage SPI on Jdbi's fluent API, a HikariCP pool and Flyway migrations, for H2 2.x
 * (the embedded default) and PostgreSQL. {@link dev.rapport.storage.jdbc.JdbcStorageFactory} is the only public type;
 * the SDK finds it with {@link java.util.ServiceLoader}.
 *
 * <p>Portable SQL is the rule; {@code Dialect} holds the few statements that differ (sequence values, insert-if-absent)
 * and each dialect has a migration folder next to the common one. Every statement binds its values as parameters.
 */
package dev.rapport.storage.jdbc;
