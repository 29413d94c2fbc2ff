package dev.rapport.api.spi.storage;

import dev.rapport.api.event.DomainEvent;

import java.util.Collection;
import java.util.List;

/** Events written with the change that caused them, delivered after commit. */
public interface Outbox {
    /** Stores the event, undelivered, to commit with the change that caused it. */
    void append(DomainEvent event);

    /** The oldest undelivered events, by position. */
    List<OutboxEntry> undelivered(int limit);

    /** Marks these positions delivered; positions already delivered or unknown are ignored. */
    void markDelivered(Collection<Long> positions);
}
