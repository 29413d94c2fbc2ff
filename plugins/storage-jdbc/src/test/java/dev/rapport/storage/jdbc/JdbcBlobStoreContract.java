package dev.rapport.storage.jdbc;

import dev.rapport.api.spi.blob.BlobStore;
import dev.rapport.api.spi.blob.BlobStoreFactory;
import dev.rapport.api.spi.storage.Storage;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.BlobStoreContract;
import dev.rapport.testkit.TestPluginContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blob store contract for the {@code jdbc} blob store, on a fresh database of {@link #kind()} per check, reached
 * as the SDK reaches it: through the storage it offers as the host object {@code Storage.class}.
 */
abstract class JdbcBlobStoreContract extends BlobStoreContract {
    private TestStorage storage;

    /** The database the checks run on. */
    protected abstract TestDatabase kind();

    @BeforeEach
    void openStorage() {
        storage = TestStorage.on(kind());
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    @Override
    protected BlobStoreFactory factory() {
        return new JdbcBlobStoreFactory();
    }

    /** No settings: the store lives in the storage's database. */
    @Override
    protected Map<String, String> minimalConfig() {
        return Map.of();
    }

    @Override
    protected TestPluginContext context(Map<String, String> settings) {
        return super.context(settings).withHostObject(Storage.class, storage.storage());
    }

    /** Every blob row, complete or not, and every key that has chunks without a row: whatever a failed put could leave. */
    @Override
    protected OptionalLong storedBlobCount(BlobStore store) {
        return OptionalLong.of(((JdbcStorage) storage.storage()).jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM (SELECT blob_key FROM blobs UNION SELECT blob_key FROM blob_chunks) k")
                .mapTo(Long.class).one()));
    }

    /** Configuration names the plugin by this id ({@code rapport.blobs.type=jdbc}): it never changes. */
    @Test
    void isConfiguredAsJdbc() {
        assertThat(factory().id()).isEqualTo("jdbc");
    }
}
