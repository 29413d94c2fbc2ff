package dev.rapport.api.spi.storage;

import dev.rapport.api.ticket.SlaWatch;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Counts for an operator's gauges (the server's {@code /metrics}): each one a count over an index, read every few
 * seconds at most, never a list of rows.
 */
public interface FigureStore {
    /**
     * How many tickets the SLA monitor's list {@code watch} holds as of {@code asOf}, by {@link TicketQuery}'s
     * definition of at risk and overdue.
     */
    long slaTickets(SlaWatch watch, Instant asOf);

    /** The events still to deliver: not yet fanned out, or fanned out and pending for some subscriber. */
    Backlog backlog();

    /** How many deliveries are dead letters. */
    long deadLetters();

    /**
     * The delivery backlog.
     *
     * @param pending          outbox events not yet fanned out plus pending deliveries (one per event and subscriber)
     * @param oldestOccurredAt when the oldest event still pending occurred; empty when nothing is pending
     */
    record Backlog(long pending, Optional<Instant> oldestOccurredAt) {
        public Backlog {
            if (pending < 0) {
                throw new IllegalArgumentException("pending must not be negative");
            }
            Objects.requireNonNull(oldestOccurredAt, "oldestOccurredAt");
        }
    }
}
