package dev.rapport.core.internal.customer;

import dev.rapport.core.internal.BackgroundScan;
import dev.rapport.core.internal.Transactions;

import java.time.Duration;

/**
 * Fills the search readings of customers stored without them (before readings existed, or by a host writing to
 * storage directly), a bounded batch per transaction, in the background from shortly after start: a node never
 * waits for it, and until a customer's turn comes it is found by everything but its pinyin.
 */
public final class ReadingsBackfill implements AutoCloseable {
    /** Customers per transaction: a few hundred milliseconds of writes at most. */
    static final int BATCH = 200;
    /** How often it looks for customers lacking readings, unless the host says otherwise. */
    public static final Duration INTERVAL = Duration.ofSeconds(5);

    private final Transactions transactions;
    private final BackgroundScan scan;

    private ReadingsBackfill(Transactions transactions, BackgroundScan scan) {
        this.transactions = transactions;
        this.scan = scan;
    }

    /** Runs {@link #fill()} every {@code interval} on a daemon thread; a zero interval leaves it to the caller. */
    public static ReadingsBackfill start(Transactions transactions, Duration interval) {
        var scan = BackgroundScan.named("rapport-search-readings");
        var backfill = new ReadingsBackfill(transactions, scan);
        scan.start(interval, backfill::fill);
        return backfill;
    }

    /**
     * Indexes the readings of every customer lacking them, batch after batch, until none is left or the backfill is
     * closed.
     *
     * @return how many customers got their readings
     */
    public int fill() {
        int filled = 0;
        while (!scan.stopping()) {
            int batch = transactions.write(tx -> {
                var lacking = tx.customers().lackingReadings(BATCH);
                lacking.forEach(names -> tx.customers().indexReadings(names.id(),
                        PinyinReadings.of(names.name(), names.contactNames())));
                return lacking.size();
            });
            filled += batch;
            if (batch < BATCH) {
                break;
            }
        }
        return filled;
    }

    @Override
    public void close() {
        scan.close();
    }
}
