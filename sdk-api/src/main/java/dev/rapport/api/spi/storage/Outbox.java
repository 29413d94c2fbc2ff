package dev.rapport.api.spi.storage;

import dev.rapport.api.event.DomainEvent;

import java.util.Collection;
import java.util.List;

/** Events written with the change that caused them, delivered after commit. */
public interface Outbox {
    void append(DomainEvent event);

    /** The oldest undelivered events, by position. */
    List<OutboxEntry> undelivered(int limit);

    void markDelivered(Collection<Long> positions);
}
