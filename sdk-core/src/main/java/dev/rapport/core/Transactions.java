package dev.rapport.core;

import dev.rapport.api.spi.storage.Storage;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.core.event.EventRelay;

import java.util.function.Function;

/** Runs work in a storage transaction; after a write commits, wakes the event relay for the outbox. */
public final class Transactions {
    private final Storage storage;
    private final EventRelay relay;

    public Transactions(Storage storage, EventRelay relay) {
        this.storage = storage;
        this.relay = relay;
    }

    /** A change: its rows, audit entries and events commit together; listeners hear of it after commit. */
    public <R> R write(Function<Transaction, R> work) {
        R result = storage.inTransaction(work);
        relay.signal();
        return result;
    }

    public <R> R read(Function<Transaction, R> work) {
        return storage.inTransaction(work);
    }
}
