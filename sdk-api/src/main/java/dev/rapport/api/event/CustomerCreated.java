package dev.rapport.api.event;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.security.UserId;

import java.time.Instant;

/** A customer was created. */
public record CustomerCreated(CustomerId customerId, String code, Instant occurredAt, UserId actorId)
        implements DomainEvent {
    @Override
    public String subjectId() {
        return customerId.value();
    }
}
