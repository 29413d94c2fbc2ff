package dev.rapport.storage.jdbc;

import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.blob.BlobKey;
import dev.rapport.api.spi.blob.BlobStore;
import dev.rapport.api.spi.storage.Storage;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.TestPluginContext;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the contract cannot see of the {@code jdbc} blob store: chunks, leftovers, when it is the default. */
class JdbcBlobStoreTest {
    private static final JdbcBlobStoreFactory FACTORY = new JdbcBlobStoreFactory();

    @StorageTest
    void contentIsKeptInChunksOfAtMost256KibibytesThatGoWithTheBlob(TestDatabase db) {
        byte[] bytes = new byte[2 * JdbcBlobStore.CHUNK_BYTES + 1_000];
        new SplittableRandom(7).nextBytes(bytes);
        try (var storage = TestStorage.on(db); BlobStore store = create(storage.storage())) {
            var written = store.put(new ByteArrayInputStream(bytes), bytes.length);

            assertThat(chunkSizes(storage, written.key().value())).containsExactly(
                    (long) JdbcBlobStore.CHUNK_BYTES, (long) JdbcBlobStore.CHUNK_BYTES, 1_000L);
            store.delete(written.key());
            assertThat(chunkSizes(storage, written.key().value())).as("chunks after the delete").isEmpty();
        }
    }

    @StorageTest
    void aBlobReadWhileItIsDeletedFailsRatherThanEndingShort(TestDatabase db) throws IOException {
        byte[] bytes = new byte[3 * JdbcBlobStore.CHUNK_BYTES];
        try (var storage = TestStorage.on(db); BlobStore store = create(storage.storage())) {
            var written = store.put(new ByteArrayInputStream(bytes), bytes.length);
            try (InputStream in = store.open(written.key())) {
                assertThat(in.readNBytes(JdbcBlobStore.CHUNK_BYTES)).hasSize(JdbcBlobStore.CHUNK_BYTES);
                store.delete(written.key());

                assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class).hasMessageContaining("deleted");
            }
        }
    }

    @StorageTest
    void uploadsThatACrashLeftIncompleteAreRemovedOnceTheyAreADayOld(TestDatabase db) {
        try (var storage = TestStorage.on(db)) {
            var jdbi = ((JdbcStorage) storage.storage()).jdbi();
            var context = TestPluginContext.of(FACTORY, Map.of()).withHostObject(Storage.class, storage.storage());
            var now = context.clock().instant();
            insertIncomplete(storage, "0000000000000000000000000000000a", now.minus(Duration.ofHours(25)));
            insertIncomplete(storage, "0000000000000000000000000000000b", now.minus(Duration.ofHours(1)));

            context.create(FACTORY).close();

            List<String> left = jdbi.withHandle(h -> h.createQuery("SELECT blob_key FROM blobs").mapTo(String.class).list());
            assertThat(left)
                    .as("an upload of an hour ago may still be going on, on another node")
                    .containsExactly("0000000000000000000000000000000b");
            assertThat(chunkSizes(storage, "0000000000000000000000000000000a")).isEmpty();
        }
    }

    @StorageTest
    void anIncompleteBlobCannotBeOpened(TestDatabase db) {
        try (var storage = TestStorage.on(db); BlobStore store = create(storage.storage())) {
            insertIncomplete(storage, "0000000000000000000000000000000c", TestContext.NOW);

            assertThatThrownBy(() -> store.open(BlobKey.of("0000000000000000000000000000000c")))
                    .isInstanceOf(UncheckedIOException.class);
        }
    }

    @StorageTest
    void aDatabaseThatCannotBeReachedIsAnUncheckedIOException(TestDatabase db) {
        var storage = TestStorage.on(db);
        try (BlobStore store = create(storage.storage())) {
            var written = store.put(new ByteArrayInputStream(new byte[]{1, 2, 3}), 3);
            storage.close();

            assertThatThrownBy(() -> store.put(new ByteArrayInputStream(new byte[]{4}), 1))
                    .isInstanceOf(UncheckedIOException.class);
            assertThatThrownBy(() -> store.open(written.key())).isInstanceOf(UncheckedIOException.class);
            assertThatThrownBy(() -> store.delete(written.key())).isInstanceOf(UncheckedIOException.class);
        }
    }

    @Test
    void theStoreIsTheDefaultOnPostgresqlOnly() {
        try (var postgres = TestStorage.on(TestDatabase.POSTGRES); var h2 = TestStorage.on(TestDatabase.H2)) {
            assertThat(postgres.storage().sharedBlobStoreType()).contains("jdbc");
            assertThat(h2.storage().sharedBlobStoreType()).as("H2 lives in one process: files stay the default")
                    .isEmpty();
        }
    }

    @Test
    void withoutTheJdbcStorageTheStoreIsRefused() {
        assertThatThrownBy(() -> TestPluginContext.of(FACTORY, Map.of()).create(FACTORY))
                .isInstanceOf(PluginConfigException.class).hasMessageContaining("rapport.storage.type=jdbc");
    }

    private static BlobStore create(Storage storage) {
        return TestPluginContext.of(FACTORY, Map.of()).withHostObject(Storage.class, storage).create(FACTORY);
    }

    private static List<Long> chunkSizes(TestStorage storage, String key) {
        return ((JdbcStorage) storage.storage()).jdbi().withHandle(h -> h.createQuery(
                        "SELECT OCTET_LENGTH(content) FROM blob_chunks WHERE blob_key = :key ORDER BY seq")
                .bind("key", key).mapTo(Long.class).list());
    }

    /** What a node that crashed during an upload leaves: an incomplete row and a chunk. */
    private static void insertIncomplete(TestStorage storage, String key, Instant startedAt) {
        ((JdbcStorage) storage.storage()).jdbi().useHandle(h -> {
            h.createUpdate("INSERT INTO blobs (blob_key, started_at, complete) VALUES (:key, :at, FALSE)")
                    .bind("key", key).bind("at", OffsetDateTime.ofInstant(startedAt, ZoneOffset.UTC)).execute();
            h.createUpdate("INSERT INTO blob_chunks (blob_key, seq, content) VALUES (:key, 0, :content)")
                    .bind("key", key).bind("content", new byte[]{1, 2, 3}).execute();
        });
    }
}
