package dev.rapport.api.spi.storage;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.customer.MaintenanceLevel;
import dev.rapport.api.security.UserId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What planning a customer's maintenance and renewal follow-ups needs to know of the customer.
 *
 * @param cooperationSince when the cooperation started: maintenance contacts fall on its anniversaries
 * @param createdAt        when the customer was created, the anniversaries' start without a cooperation date
 */
public record CareCandidate(CustomerId id, MaintenanceLevel maintenanceLevel, Optional<UserId> accountManagerId,
                            Optional<LocalDate> cooperationSince, Instant createdAt, Optional<LocalDate> contractEnd) {
    public CareCandidate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(maintenanceLevel, "maintenanceLevel");
        Objects.requireNonNull(accountManagerId, "accountManagerId");
        Objects.requireNonNull(cooperationSince, "cooperationSince");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(contractEnd, "contractEnd");
    }
}
