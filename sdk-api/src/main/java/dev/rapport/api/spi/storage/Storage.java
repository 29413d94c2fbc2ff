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
     * The id of the {@link dev.rapport.api.spi.blob.BlobStoreFactory} that keeps attachment bytes beside this
     * storage's data, for the SDK to use when the host configures neither {@code rapport.blobs.type} nor
     * {@code rapport.blobs.directory}: a storage on a database server that several nodes share names a blob store on
     * that server, so that every node reaches every attachment without a shared file system. Empty, the default,
     * leaves the SDK's default, the file-system store.
     *
     * <p>The SDK offers this storage to every blob store factory as the host object {@code Storage.class}
     * ({@link dev.rapport.api.spi.PluginContext#hostObject}), which is how a storage plugin's own blob store reaches
     * its database. Such a blob store borrows the storage's connections and leaves them to the storage to close.
     */
    default Optional<String> sharedBlobStoreType() {
        return Optional.empty();
    }

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
