package dev.rapport.api.event;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.security.UserId;

import java.time.Instant;

/** A duplicate customer was merged into a survivor; the counts say what moved. */
public record CustomersMerged(CustomerId survivorId, CustomerId duplicateId, int tickets, int interactions,
                              int purchases, int contacts, Instant occurredAt, UserId actorId) implements DomainEvent {
    @Override
    public String subjectId() {
        return survivorId.value();
    }
}
