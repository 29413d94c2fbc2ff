package dev.rapport.api.spi.storage;

import dev.rapport.api.event.DomainEvent;

import java.util.Objects;

/**
 * A delivery the calling node leased: one outbox event for one subscriber, to attempt now.
 *
 * @param id       the delivery's id
 * @param position the event's outbox position
 * @param attempts how many attempts were made before this one
 */
public record PendingDelivery(long id, long position, DomainEvent event, int attempts) {
    public PendingDelivery {
        Objects.requireNonNull(event, "event");
    }
}
