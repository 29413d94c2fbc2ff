package dev.rapport.api.spi.storage;

import dev.rapport.api.event.DomainEvent;

import java.util.Collection;
import java.util.List;

/**
 * Events written with the change that caused them, delivered after commit. An event is "undelivered" until the SDK
 * has fanned it out to its subscribers ({@link DeliveryStore#enqueue}); its delivery to each is tracked there.
 */
public interface Outbox {
    /** Stores the event, undelivered, to commit with the change that caused it. */
    void append(DomainEvent event);

    /** The oldest events not yet fanned out, by position. */
    List<OutboxEntry> undelivered(int limit);

    /** Marks these positions fanned out; positions already marked or unknown are ignored. */
    void markDelivered(Collection<Long> positions);
}
