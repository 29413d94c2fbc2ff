package dev.rapport.api.customer;

import dev.rapport.api.Money;
import dev.rapport.api.security.UserId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** A purchase a customer made, recorded by the host application, for repeat-purchase and key-account figures. */
public record Purchase(PurchaseId id, CustomerId customerId, LocalDate date, Money amount, UserId recordedBy,
                       Instant recordedAt) {
    public Purchase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
