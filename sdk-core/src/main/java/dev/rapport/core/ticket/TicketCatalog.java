package dev.rapport.core.ticket;

import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.TicketType;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The ticket-type catalog as every intake reads it: a snapshot kept for a short while, because the catalog changes
 * rarely and every ticket needs its type. A change made on another node is seen within {@link #MAX_AGE}.
 */
public final class TicketCatalog {
    static final Duration MAX_AGE = Duration.ofSeconds(10);

    private record Snapshot(Map<String, TicketType> byCode, long takenNanos) {
    }

    private volatile Snapshot snapshot;

    /** Forgets the cached catalog, after a change on this node. */
    public void forget() {
        snapshot = null;
    }

    Optional<TicketType> find(Transaction tx, String code) {
        var current = snapshot;
        // Monotonic time on purpose: the age of a cache has nothing to do with the business clock.
        if (current == null || System.nanoTime() - current.takenNanos() > MAX_AGE.toNanos()) {
            current = new Snapshot(tx.ticketTypes().list().stream()
                    .collect(Collectors.toUnmodifiableMap(TicketType::code, Function.identity())), System.nanoTime());
            snapshot = current;
        }
        return Optional.ofNullable(current.byCode().get(code));
    }
}
