package dev.rapport.api.customer;

import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.IntakeChannel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A person or organisation we serve, as stored.
 *
 * @param code                generated, immutable and human-readable, e.g. {@code C2026000123}
 * @param firstContactAt      when the customer first contacted us
 * @param firstContactChannel how the customer first contacted us
 * @param mergedInto          set once this customer was merged into another as a duplicate: its history moved there,
 *                            and this record stays only so that old references can be followed
 * @param needsCompletion     created from a message by an unknown sender (e-mail, web form, chat), with only what the
 *                            message told: an agent completes the profile, which clears the flag
 * @param version             increases with every change; updates name the version they read
 */
public record Customer(CustomerId id, String code, CustomerKind kind, String name, String industry,
                       Optional<LocalDate> cooperationSince, Optional<CustomerSource> source, Segment segment,
                       MaintenanceLevel maintenanceLevel, boolean keyAccount, Optional<UserId> accountManagerId,
                       List<String> tags, Optional<LocalDate> contractEnd, Optional<Instant> firstContactAt,
                       Optional<IntakeChannel> firstContactChannel, List<Contact> contacts,
                       Optional<CustomerId> mergedInto, boolean needsCompletion, Instant createdAt,
                       Instant updatedAt, long version) {
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
        Objects.requireNonNull(firstContactAt, "firstContactAt");
        Objects.requireNonNull(firstContactChannel, "firstContactChannel");
        contacts = List.copyOf(contacts);
        Objects.requireNonNull(mergedInto, "mergedInto");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The editable part, to change and pass back to {@link Customers#update}. */
    public CustomerProfile profile() {
        return new CustomerProfile(kind, name, industry, cooperationSince, source, segment, maintenanceLevel,
                keyAccount, accountManagerId, tags, contractEnd, firstContactAt, firstContactChannel,
                contacts.stream().map(ContactDraft::of).toList());
    }

    /** The update that sets {@code profile} on this customer, at the version read. */
    public CustomerUpdate update(CustomerProfile profile) {
        return new CustomerUpdate(version, code, profile);
    }

    /** A builder holding this customer, to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Derives a changed copy of a customer; every component starts as the original's. */
    public static final class Builder {
        private final Customer original;
        private CustomerProfile profile;
        private List<Contact> contacts;
        private Optional<CustomerId> mergedInto;
        private boolean needsCompletion;
        private Instant updatedAt;
        private long version;

        private Builder(Customer original) {
            this.original = original;
            this.profile = original.profile();
            this.contacts = original.contacts;
            this.mergedInto = original.mergedInto;
            this.needsCompletion = original.needsCompletion;
            this.updatedAt = original.updatedAt;
            this.version = original.version;
        }

        /** Takes every editable field from {@code profile} except the contacts, which {@link #contacts} sets. */
        public Builder profile(CustomerProfile profile) { this.profile = profile; return this; }
        public Builder keyAccount(boolean keyAccount) { this.profile = profile.toBuilder().keyAccount(keyAccount).build(); return this; }
        public Builder contacts(List<Contact> contacts) { this.contacts = contacts; return this; }
        public Builder mergedInto(CustomerId survivor) { this.mergedInto = Optional.of(survivor); return this; }
        public Builder needsCompletion(boolean needsCompletion) { this.needsCompletion = needsCompletion; return this; }
        public Builder updatedAt(Instant updatedAt) { this.updatedAt = updatedAt; return this; }
        public Builder version(long version) { this.version = version; return this; }

        public Customer build() {
            var p = profile;
            return new Customer(original.id, original.code, p.kind(), p.name(), p.industry(), p.cooperationSince(),
                    p.source(), p.segment(), p.maintenanceLevel(), p.keyAccount(), p.accountManagerId(), p.tags(),
                    p.contractEnd(), p.firstContactAt(), p.firstContactChannel(), contacts, mergedInto,
                    needsCompletion, original.createdAt, updatedAt, version);
        }
    }
}
