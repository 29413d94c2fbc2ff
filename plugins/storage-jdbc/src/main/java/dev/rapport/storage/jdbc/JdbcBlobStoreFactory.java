package dev.rapport.storage.jdbc;

import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.PluginContext;
import dev.rapport.api.spi.blob.BlobStore;
import dev.rapport.api.spi.blob.BlobStoreFactory;
import dev.rapport.api.spi.storage.Storage;

import java.time.Duration;

/**
 * Creates the {@code jdbc} blob store: attachment bytes in the database of the {@code jdbc} storage, in chunks of
 * 256 KiB, so that every node sharing the database shares the attachments too, with no file system or object store
 * to run beside it. It is the default on PostgreSQL ({@link Storage#sharedBlobStoreType()}); on H2 it can be chosen
 * with {@code rapport.blobs.type=jdbc}.
 *
 * <p>Why here and how: the store needs the storage's connections, and plugins see only the SDK's API. The SDK offers
 * its {@link Storage} to every blob store factory as the host object {@code Storage.class}; when that is this
 * module's storage, the store borrows its connection pool (and never closes it) and relies on its migrations, which
 * create the tables. No settings.
 *
 * <p>Uploads that a crash interrupted leave an incomplete row; creation removes those that are a day old (younger
 * ones may be uploads in progress on another node).
 */
public final class JdbcBlobStoreFactory implements BlobStoreFactory {
    /** The id configuration refers to. */
    public static final String ID = "jdbc";
    static final Duration LEFTOVER_AGE = Duration.ofDays(1);

    @Override
    public String id() {
        return ID;
    }

    /** @throws PluginConfigException when the SDK's storage is not the {@code jdbc} storage */
    @Override
    public BlobStore create(PluginContext context) {
        var storage = context.hostObject(Storage.class)
                .filter(JdbcStorage.class::isInstance).map(JdbcStorage.class::cast)
                .orElseThrow(() -> new PluginConfigException(context.instanceName() + ": the jdbc blob store keeps "
                        + "attachments in the database of the jdbc storage (rapport.storage.type=jdbc), which this "
                        + "SDK does not use"));
        var store = new JdbcBlobStore(storage.jdbi(), context.clock());
        store.removeIncompleteStartedBefore(context.clock().instant().minus(LEFTOVER_AGE));
        return store;
    }
}
