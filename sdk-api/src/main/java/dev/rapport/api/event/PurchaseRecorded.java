package dev.rapport.api.event;

import dev.rapport.api.Money;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.customer.PurchaseId;
import dev.rapport.api.security.UserId;

import java.time.Instant;
import java.time.LocalDate;

/** A purchase was recorded; {@code cumulative} is the customer's total after it. */
public record PurchaseRecorded(PurchaseId purchaseId, CustomerId customerId, LocalDate date, Money amount,
                               Money cumulative, Instant occurredAt, UserId actorId) implements DomainEvent {
    @Override
    public String subjectId() {
        return customerId.value();
    }
}
