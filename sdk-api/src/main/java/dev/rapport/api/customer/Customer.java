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

    /**
     * A builder of a new customer, for a storage reading one back or the core creating one; see {@link Builder} for
     * what must be set.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this customer, to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Builds a customer by component name, so that a storage's row mapping keeps compiling when a component is added.
     * There is one setter per component, taking the component's type, and {@link #profile} to take the editable ones
     * at once. What is not set keeps its default: empty for the optional and list components, {@code false} for the
     * flags, segment NEW and maintenance LOW (as {@link CustomerProfile} defaults them) and version 1, as a new
     * customer has them. Every other component must be set: {@link #build()} checks them as the canonical constructor
     * does (a {@link NullPointerException} naming it). From {@link Customer#toBuilder()}, every component starts as the
     * original's.
     */
    public static final class Builder {
        private CustomerId id;
        private String code;
        private CustomerKind kind;
        private String name;
        private String industry;
        private Optional<LocalDate> cooperationSince = Optional.empty();
        private Optional<CustomerSource> source = Optional.empty();
        private Segment segment = Segment.NEW;
        private MaintenanceLevel maintenanceLevel = MaintenanceLevel.LOW;
        private boolean keyAccount;
        private Optional<UserId> accountManagerId = Optional.empty();
        private List<String> tags = List.of();
        private Optional<LocalDate> contractEnd = Optional.empty();
        private Optional<Instant> firstContactAt = Optional.empty();
        private Optional<IntakeChannel> firstContactChannel = Optional.empty();
        private List<Contact> contacts = List.of();
        private Optional<CustomerId> mergedInto = Optional.empty();
        private boolean needsCompletion;
        private Instant createdAt;
        private Instant updatedAt;
        private long version = 1;

        private Builder() {
        }

        private Builder(Customer c) {
            id = c.id;
            code = c.code;
            kind = c.kind;
            name = c.name;
            industry = c.industry;
            cooperationSince = c.cooperationSince;
            source = c.source;
            segment = c.segment;
            maintenanceLevel = c.maintenanceLevel;
            keyAccount = c.keyAccount;
            accountManagerId = c.accountManagerId;
            tags = c.tags;
            contractEnd = c.contractEnd;
            firstContactAt = c.firstContactAt;
            firstContactChannel = c.firstContactChannel;
            contacts = c.contacts;
            mergedInto = c.mergedInto;
            needsCompletion = c.needsCompletion;
            createdAt = c.createdAt;
            updatedAt = c.updatedAt;
            version = c.version;
        }

        /** Takes every editable field from {@code profile} except the contacts, which {@link #contacts} sets. */
        public Builder profile(CustomerProfile profile) {
            kind = profile.kind();
            name = profile.name();
            industry = profile.industry();
            cooperationSince = profile.cooperationSince();
            source = profile.source();
            segment = profile.segment();
            maintenanceLevel = profile.maintenanceLevel();
            keyAccount = profile.keyAccount();
            accountManagerId = profile.accountManagerId();
            tags = profile.tags();
            contractEnd = profile.contractEnd();
            firstContactAt = profile.firstContactAt();
            firstContactChannel = profile.firstContactChannel();
            return this;
        }

        public Builder id(CustomerId id) { this.id = id; return this; }
        public Builder code(String code) { this.code = code; return this; }
        public Builder kind(CustomerKind kind) { this.kind = kind; return this; }
        public Builder name(String name) { this.name = name; return this; }
        public Builder industry(String industry) { this.industry = industry; return this; }
        public Builder cooperationSince(Optional<LocalDate> since) { this.cooperationSince = since; return this; }
        public Builder source(Optional<CustomerSource> source) { this.source = source; return this; }
        public Builder segment(Segment segment) { this.segment = segment; return this; }
        public Builder maintenanceLevel(MaintenanceLevel level) { this.maintenanceLevel = level; return this; }
        public Builder keyAccount(boolean keyAccount) { this.keyAccount = keyAccount; return this; }
        public Builder accountManagerId(Optional<UserId> manager) { this.accountManagerId = manager; return this; }
        public Builder tags(List<String> tags) { this.tags = tags; return this; }
        public Builder contractEnd(Optional<LocalDate> contractEnd) { this.contractEnd = contractEnd; return this; }
        public Builder firstContactAt(Optional<Instant> at) { this.firstContactAt = at; return this; }
        public Builder firstContactChannel(Optional<IntakeChannel> via) { this.firstContactChannel = via; return this; }
        public Builder contacts(List<Contact> contacts) { this.contacts = contacts; return this; }
        public Builder mergedInto(Optional<CustomerId> survivor) { this.mergedInto = survivor; return this; }
        /** Marks the customer as merged into {@code survivor}. */
        public Builder mergedInto(CustomerId survivor) { this.mergedInto = Optional.of(survivor); return this; }
        public Builder needsCompletion(boolean needsCompletion) { this.needsCompletion = needsCompletion; return this; }
        public Builder createdAt(Instant createdAt) { this.createdAt = createdAt; return this; }
        public Builder updatedAt(Instant updatedAt) { this.updatedAt = updatedAt; return this; }
        public Builder version(long version) { this.version = version; return this; }

        /** The customer, checked as the canonical constructor checks it. */
        public Customer build() {
            return new Customer(id, code, kind, name, industry, cooperationSince, source, segment, maintenanceLevel,
                    keyAccount, accountManagerId, tags, contractEnd, firstContactAt, firstContactChannel, contacts,
                    mergedInto, needsCompletion, createdAt, updatedAt, version);
        }
    }
}
