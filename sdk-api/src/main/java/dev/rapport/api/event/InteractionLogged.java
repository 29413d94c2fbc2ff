package dev.rapport.api.event;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.customer.InteractionId;
import dev.rapport.api.customer.InteractionMethod;
import dev.rapport.api.security.UserId;

import java.time.Instant;

/** A communication with a customer was logged. */
public record InteractionLogged(InteractionId interactionId, CustomerId customerId, InteractionMethod method,
                                UserId ownerId, Instant occurredAt, UserId actorId) implements DomainEvent {
    @Override
    public String subjectId() {
        return customerId.value();
    }
}
