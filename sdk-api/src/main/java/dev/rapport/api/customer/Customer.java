package dev.rapport.api.customer;

import dev.rapport.api.security.UserId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A person or organisation we serve, as stored.
 *
 * @param code    generated, immutable and human-readable, e.g. {@code C2026000123}
 * @param version increases with every change; updates name the version they read
 */
public record Customer(CustomerId id, String code, CustomerKind kind, String name, String industry,
                       Optional<LocalDate> cooperationSince, Optional<CustomerSource> source, Segment segment,
                       MaintenanceLevel maintenanceLevel, boolean keyAccount, Optional<UserId> accountManagerId,
                       List<String> tags, Optional<LocalDate> contractEnd, List<Contact> contacts,
                       Instant createdAt, Instant updatedAt, long version) {
    public Customer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(industry, "industry");
        Objects.requireNonNull(cooperationSince, "cooperationSince");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(maintenanceLevel, "maintenanceLevel");
        Objects.requireNonNull(accountManagerId, "accountManagerId");
        tags = List.copyOf(tags);
        Objects.requireNonNull(contractEnd, "contractEnd");
        contacts = List.copyOf(contacts);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The editable part, to change and pass back to {@link Customers#update}. */
    public CustomerProfile profile() {
        return new CustomerProfile(kind, name, industry, cooperationSince, source, segment, maintenanceLevel,
                keyAccount, accountManagerId, tags, contractEnd, contacts.stream().map(ContactDraft::of).toList());
    }

    /** The update that sets {@code profile} on this customer, at the version read. */
    public CustomerUpdate update(CustomerProfile profile) {
        return new CustomerUpdate(version, code, profile);
    }
}
