package dev.rapport.core.event;

import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.event.DomainEventListener;
import dev.rapport.api.spi.storage.OutboxEntry;
import dev.rapport.api.spi.storage.Storage;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivers committed outbox events to in-process listeners on one thread, so listeners see events in commit order.
 * Signalled after every commit. Passes are at least {@link #MIN_INTERVAL} apart and drain the outbox in batches, so
 * a burst of commits costs a few queries rather than two per commit. Events left undelivered by a crash go out on the
 * next start.
 */
public final class EventRelay implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EventRelay.class.getName());
    private static final int BATCH = 200;
    static final Duration MIN_INTERVAL = Duration.ofMillis(5);

    private final Storage storage;
    private final List<DomainEventListener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        var t = new Thread(r, "rapport-event-relay");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean passQueued = new AtomicBoolean();
    private volatile long nextPassNanos = System.nanoTime();

    public EventRelay(Storage storage) {
        this.storage = storage;
    }

    public AutoCloseable subscribe(DomainEventListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Something was committed: make sure a delivery pass runs after now. */
    public void signal() {
        if (passQueued.compareAndSet(false, true) && !thread.isShutdown()) {
            long delay = Math.max(0, nextPassNanos - System.nanoTime());
            thread.schedule(this::pass, delay, TimeUnit.NANOSECONDS);
        }
    }

    private void pass() {
        passQueued.set(false);
        try {
            drain();
        } finally {
            nextPassNanos = System.nanoTime() + MIN_INTERVAL.toNanos();
        }
    }

    private void drain() {
        try {
            List<OutboxEntry> batch;
            do {
                batch = storage.inTransaction(tx -> tx.outbox().undelivered(BATCH));
                if (batch.isEmpty()) {
                    return;
                }
                batch.forEach(entry -> deliver(entry.event()));
                var positions = batch.stream().map(OutboxEntry::position).toList();
                storage.inTransaction(tx -> {
                    tx.outbox().markDelivered(positions);
                    return null;
                });
            } while (batch.size() == BATCH);
        } catch (RuntimeException e) {
            // The events stay in the outbox; the next signal or start delivers them.
            LOG.log(Level.WARNING, "Event delivery pass failed; will retry on the next signal", e);
        }
    }

    private void deliver(DomainEvent event) {
        for (var listener : listeners) {
            try {
                listener.on(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Listener " + listener.getClass().getName() + " failed on " + event.eventType(), e);
            }
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
