package dev.rapport.api.event;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.security.UserId;

import java.time.Instant;

/** A customer's profile changed; {@code version} is the new one. */
public record CustomerUpdated(CustomerId customerId, long version, Instant occurredAt, UserId actorId)
        implements DomainEvent {
    @Override
    public String subjectId() {
        return customerId.value();
    }
}
