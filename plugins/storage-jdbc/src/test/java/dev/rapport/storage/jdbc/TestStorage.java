package dev.rapport.storage.jdbc;

import dev.rapport.api.spi.storage.Storage;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.storage.jdbc.testing.DatabaseCoordinates;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.util.HashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/** A storage on a test database, with shorthands for one-transaction work; close it after the test. */
final class TestStorage implements AutoCloseable {
    private final Storage storage;

    private TestStorage(Storage storage) {
        this.storage = storage;
    }

    /** A storage on a fresh database of {@code db}. */
    static TestStorage on(TestDatabase db) {
        return on(db.fresh());
    }

    /** A storage on an existing database; a small pool keeps the embedded server's connections in check. */
    static TestStorage on(DatabaseCoordinates coordinates) {
        var settings = new HashMap<>(coordinates.storageConfig());
        settings.put("maximum-pool-size", "2");
        return new TestStorage(new JdbcStorageFactory().create(TestContext.of(settings)));
    }

    Storage storage() {
        return storage;
    }

    /** Runs {@code work} in a transaction of its own. */
    void run(Consumer<Transaction> work) {
        storage.inTransaction(tx -> {
            work.accept(tx);
            return null;
        });
    }

    /** What {@code work} returns, read in a transaction of its own. */
    <R> R get(Function<Transaction, R> work) {
        return storage.inTransaction(work);
    }

    @Override
    public void close() {
        storage.close();
    }
}
