package dev.rapport.api.spi.storage;

import dev.rapport.api.figures.PoolFigures;

import java.util.Optional;
import java.util.function.Function;

/** Where the SDK keeps its data. Thread-safe; one instance serves the whole SDK. */
public interface Storage extends AutoCloseable {
    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws (and the
     * exception rethrown unchanged). Nested calls are not supported.
     */
    <R> R inTransaction(Function<Transaction, R> work);

    /** Whether the database answers right now. Never throws. */
    boolean isHealthy();

    /**
     * The figures of the storage's connection pool, for an operator's gauges; empty for a storage without a pool of
     * its own to report on (e.g. a DataSource the host brought whose pool it watches itself). Never throws.
     */
    default Optional<PoolFigures> pool() {
        return Optional.empty();
    }

    /** Releases connections; idempotent. */
    @Override
    void close();
}
