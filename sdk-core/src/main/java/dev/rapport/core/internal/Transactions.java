package dev.rapport.core.internal;

import dev.rapport.core.internal.figures.Tally;
import dev.rapport.api.spi.storage.Storage;
import dev.rapport.api.spi.storage.Transaction;

import java.util.function.Function;

/** Runs work in a storage transaction; after a write commits, wakes the event delivery for the outbox. */
public final class Transactions {
    private final Storage storage;
    private final Runnable afterWrite;

    private final Tally tally;

    /** @param afterWrite called after every committed write, e.g. to signal the event delivery */
    public Transactions(Storage storage, Runnable afterWrite) {
        this(storage, afterWrite, new Tally());
    }

    /** @param tally counts the events of every committed write */
    public Transactions(Storage storage, Runnable afterWrite, Tally tally) {
        this.storage = storage;
        this.afterWrite = afterWrite;
        this.tally = tally;
    }

    /** A change: its rows, audit entries and events commit together; listeners hear of it after commit. */
    public <R> R write(Function<Transaction, R> work) {
        R result = tally.counted(storage, work);
        afterWrite.run();
        return result;
    }

    public <R> R read(Function<Transaction, R> work) {
        return storage.inTransaction(work);
    }
}
